import { MedusaError } from "@medusajs/framework/utils"

/**
 * A request for a Klarna action refused before anything was done (no such
 * order, not paid with Klarna, an amount the order cannot take). An admin's
 * request answers it as a 4xx and leaves no event-log entry; for an automatic
 * action it is recorded like any failure.
 */
export function refusedBeforeActing(type: keyof typeof MedusaError.Types, message: string): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types[type], message), { refused_before_acting: true })
}

export function asRefusedBeforeActing(error: unknown): unknown {
  return error instanceof Error ? Object.assign(error, { refused_before_acting: true }) : error
}

export const isRefusedBeforeActing = (error: unknown) => (error as { refused_before_acting?: unknown } | undefined)?.refused_before_acting === true
