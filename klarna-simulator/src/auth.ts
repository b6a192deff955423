import type { NextFunction, Request, Response } from "express"
import { timingSafeEqual } from "node:crypto"
import type { RealmCredentials } from "./config"
import { KlarnaError } from "./errors"
import { locals } from "./http/locals"
import { sendKlarnaError } from "./http/sim-response"
import type { Realm } from "./realm"

const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Resolves the principal for `Authorization: Basic ...`: either base64(username:password) of a
 * configured credential, or a raw API key (also accepted as the password of base64(any:apiKey)).
 */
export function authenticate(header: string | undefined, config: RealmCredentials): string | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header?.trim() ?? "")
  if (!match) return undefined
  const token = match[1].trim()
  const apiKey = config.apiKeys.find((k) => safeEqual(k, token))
  if (apiKey) return `api_key:${apiKey}`

  const decoded = Buffer.from(token, "base64").toString("utf8")
  const sep = decoded.indexOf(":")
  if (sep < 0) return undefined
  const username = decoded.slice(0, sep)
  const password = decoded.slice(sep + 1)
  const cred = config.credentials.find((c) => safeEqual(c.username, username) && safeEqual(c.password, password))
  if (cred) return `user:${cred.username}`
  const keyAsPassword = config.apiKeys.find((k) => safeEqual(k, password))
  return keyAsPassword ? `api_key:${keyAsPassword}` : undefined
}

/** Each realm knows only its own credentials; a Kustom principal is prefixed so idempotency keys never mix. */
export function basicAuth(config: RealmCredentials, realm: Realm = "klarna") {
  const challenge = realm === "kustom" ? 'Basic realm="Kustom API"' : 'Basic realm="Klarna API"'
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = authenticate(req.get("authorization"), config)
    if (!principal) {
      res.setHeader("WWW-Authenticate", challenge)
      return sendKlarnaError(res, new KlarnaError(401, "UNAUTHORIZED", ["Unauthorized"]))
    }
    locals(res).principal = realm === "klarna" ? principal : `${realm}:${principal}`
    next()
  }
}
