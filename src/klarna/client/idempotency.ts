import { v5 as uuidv5 } from "uuid"

/**
 * UUID v5 namespace for `Klarna-Idempotency-Key` values produced by this plugin.
 * Generated once at random for medusa-klarna and fixed forever: changing it would give
 * every retried operation a new key, so Klarna would execute it a second time.
 */
export const KLARNA_IDEMPOTENCY_NAMESPACE = "bcc8c4f9-42e9-46bb-bd40-3791e08c78a2"

/**
 * Deterministic idempotency key from the parts that identify one operation,
 * e.g. `klarnaIdempotencyKey(orderId, "capture", captureRef)`. The same parts always give
 * the same key, so a retry after a crash or timeout reuses it and Klarna (24 h window)
 * answers with the original result instead of executing twice.
 *
 * The parts are joined with ":" before hashing, so ("a:b", "c") and ("a", "b:c") collide;
 * use parts that don't contain ":" (Medusa and Klarna ids don't).
 */
export function klarnaIdempotencyKey(...parts: string[]): string {
  if (parts.length === 0) {
    throw new Error("klarnaIdempotencyKey needs at least one part")
  }
  parts.forEach((part, i) => {
    if (typeof part !== "string" || part.length === 0) {
      throw new Error(`klarnaIdempotencyKey part ${i} must be a non-empty string`)
    }
  })
  return uuidv5(parts.join(":"), KLARNA_IDEMPOTENCY_NAMESPACE)
}
