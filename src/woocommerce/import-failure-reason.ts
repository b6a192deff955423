import { MedusaError } from "@medusajs/framework/utils"
import { WooImportError } from "./woo-import-error"

const MAX_LENGTH = 1000

/**
 * Why a run stopped, as stored in the run's `error` for the merchant.
 * The reader's and Medusa's errors are already written for them; anything
 * else is an unexpected failure. Control characters are dropped: PostgreSQL
 * refuses NUL in text.
 */
export function importFailureReason(error: unknown): string {
  const message = error && typeof (error as { message?: unknown }).message === "string" ? (error as Error).message : String(error)
  const reason =
    error instanceof WooImportError || MedusaError.isMedusaError(error)
      ? message
      : `The import stopped unexpectedly: ${message || "unknown error"}`
  const clean = reason.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim()
  return clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean
}
