import { randomInt } from "node:crypto"
import { v4 as uuidv4 } from "uuid"

export const newId = (): string => uuidv4()

const REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** Short customer-facing order reference, e.g. `K4MADNY` (7 uppercase letters/digits). */
export function newKlarnaReference(): string {
  let out = ""
  for (let i = 0; i < 7; i++) {
    out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]
  }
  return out
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** JWT-shaped client token, like Klarna's, but unsigned. */
export function newClientToken(sessionId: string): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ session_id: sessionId, iss: "klarna-simulator" })}.simulator`
}

export const iso = (ms: number): string => new Date(ms).toISOString()
