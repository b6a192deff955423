/**
 * Keeps the admin-started import off this server and its private networks.
 * Two checks: `checkShopHost` when the import is requested (a clear 400), and
 * `publicAddressLookup` on every connection the reader makes, so a host name
 * that resolves to a public address at request time and to a private one a
 * moment later (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns"
import http from "node:http"
import https from "node:https"
import type { LookupFunction } from "node:net"
import { ipLiteral, isLocalhostName, isPrivateAddress } from "./private-address"

export const ALLOW_PRIVATE_HOSTS_ENV = "WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS"

/** The error code of a connection refused by `publicAddressLookup`. */
export const PRIVATE_ADDRESS_CODE = "EPRIVATEADDRESS"

/** Read on every request, so the setting can change without a restart (and tests can toggle it). */
export function privateHostsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ALLOW_PRIVATE_HOSTS_ENV] === "true"
}

type LookupCallback = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void
export type LookupAll = (hostname: string, options: LookupOptions, callback: LookupCallback) => void

const systemLookupAll: LookupAll = (hostname, options, callback) => dnsLookup(hostname, { ...options, all: true }, callback)

function privateHostReason(hostname: string, address?: string): string {
  const where = address && address !== hostname ? `${hostname} (${address})` : hostname
  return (
    `The shop URL points to ${where}, a local or private network address; imports started from the admin only read shops on the public internet. ` +
    `To import from such a shop, run the import from the command line, or set ${ALLOW_PRIVATE_HOSTS_ENV}=true on the server.`
  )
}

/**
 * Why the import may not connect to `hostname` (a sentence for the merchant),
 * or undefined when it and every address it resolves to are public.
 */
export async function checkShopHost(hostname: string, lookupAll: LookupAll = systemLookupAll): Promise<string | undefined> {
  if (isLocalhostName(hostname)) return privateHostReason(hostname)
  const literal = ipLiteral(hostname)
  if (literal) return isPrivateAddress(literal) ? privateHostReason(hostname) : undefined
  let addresses: LookupAddress[]
  try {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      lookupAll(hostname, {}, (err, found) => (err ? reject(err) : resolve(found)))
    )
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return `The shop's host name ${hostname} could not be found${code ? ` (${code})` : ""}. Check the shop URL.`
  }
  if (!addresses.length) return `The shop's host name ${hostname} could not be found. Check the shop URL.`
  const bad = addresses.find((a) => isPrivateAddress(a.address))
  return bad ? privateHostReason(hostname, bad.address) : undefined
}

/**
 * A `lookup` for sockets that fails when any address of the host is not
 * public. Node calls it on connect (not for IP literals, which
 * `checkShopHost` and the reader check themselves).
 */
export function publicAddressLookup(lookupAll: LookupAll = systemLookupAll): LookupFunction {
  return (hostname, options, callback) => {
    lookupAll(hostname, options, (err, addresses) => {
      if (err) return callback(err, "")
      const bad = isLocalhostName(hostname) ? addresses[0] : addresses.find((a) => isPrivateAddress(a.address))
      if (bad || !addresses.length) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${bad?.address ?? "no address"}, a local or private network address`)
        error.code = PRIVATE_ADDRESS_CODE
        return callback(error, "")
      }
      if (options.all) return callback(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }
}

/** http(s) agents whose connections only reach public addresses. */
export function publicOnlyAgents(lookupAll?: LookupAll): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  const lookup = publicAddressLookup(lookupAll)
  return { httpAgent: new http.Agent({ lookup }), httpsAgent: new https.Agent({ lookup }) }
}
