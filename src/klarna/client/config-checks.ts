/** Validation of KlarnaClientConfig values. Messages name the options, never their values. */

/** Visible ASCII, no spaces: what may go into a header value unchanged. */
export const HEADER_SAFE = /^[\x21-\x7e]+$/

export interface KlarnaCredentials {
  username?: string
  password?: string
  apiKey?: string
}

/** `Basic base64(username:password)`, or `Basic <apiKey>` as-is. Exactly one of the two must be configured. */
export function authorizationHeader(config: KlarnaCredentials): string {
  const hasApiKey = config.apiKey !== undefined && config.apiKey !== ""
  const hasUser = config.username !== undefined && config.username !== ""
  const hasPassword = config.password !== undefined && config.password !== ""
  if (hasApiKey && (hasUser || hasPassword)) {
    throw new Error("KlarnaClient: configure either username + password or apiKey, not both")
  }
  if (hasApiKey) {
    if (typeof config.apiKey !== "string" || !HEADER_SAFE.test(config.apiKey)) {
      throw new Error("KlarnaClient: apiKey must be printable ASCII without spaces")
    }
    return `Basic ${config.apiKey}`
  }
  if (!hasUser || !hasPassword) {
    throw new Error("KlarnaClient: credentials missing; configure username + password, or apiKey")
  }
  if (typeof config.username !== "string" || typeof config.password !== "string") {
    throw new Error("KlarnaClient: username and password must be strings")
  }
  if (config.username.includes(":")) {
    throw new Error("KlarnaClient: username must not contain ':'")
  }
  return `Basic ${Buffer.from(`${config.username}:${config.password}`, "utf8").toString("base64")}`
}

export function positiveNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`KlarnaClient: ${name} must be a positive number`)
  }
  return value
}

export function nonNegativeNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`KlarnaClient: ${name} must be a number >= 0`)
  }
  return value
}

export function nonNegativeInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new Error(`KlarnaClient: ${name} must be an integer between 0 and 10`)
  }
  return value
}
