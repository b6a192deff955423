import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"

export type WooRestCredentials = { consumer_key: string; consumer_secret: string }

const VERSION = "v1"
const keyFrom = (secret: string) => Buffer.from(hkdfSync("sha256", secret, "medusa-klarna", "woocommerce-import-credentials/v1", 32))

/**
 * A run's WooCommerce REST key and secret, sealed (AES-256-GCM, bound to the
 * run id) under a key derived from the server's secret, so that a run
 * survives a restart without them ever being readable in the database. The
 * run erases them when it ends.
 */
export function sealWooCredentials(credentials: WooRestCredentials, serverSecret: string, runId: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyFrom(serverSecret), iv)
  cipher.setAAD(Buffer.from(runId, "utf8"))
  const body = Buffer.concat([cipher.update(JSON.stringify([credentials.consumer_key, credentials.consumer_secret]), "utf8"), cipher.final()])
  return [VERSION, ...[iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url"))].join(".")
}

/** The credentials back, or null when they cannot be opened (another server secret, tampered, unknown format). */
export function openWooCredentials(sealed: string, serverSecret: string, runId: string): WooRestCredentials | null {
  const [version, iv, body, tag] = sealed.split(".")
  if (version !== VERSION || !iv || !body || !tag) {
    return null
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(serverSecret), Buffer.from(iv, "base64url"))
    decipher.setAAD(Buffer.from(runId, "utf8"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    const [consumer_key, consumer_secret] = JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8"))
    return typeof consumer_key === "string" && typeof consumer_secret === "string" ? { consumer_key, consumer_secret } : null
  } catch {
    return null
  }
}
