import type { AutomationBlock } from "../messages"
import { klarnaMessages } from "../messages"
import type { KlarnaPaymentMethod } from "../types/payment-data"

/** The order's Klarna payment as the address rule reads it (amounts in minor units). */
export type AddressChangePayment = {
  klarna_status?: string | null
  amount: number
  captured_amount: number
  canceled_at?: string | null
  payment_method?: KlarnaPaymentMethod
}

export type AddressChangeVerdict = { send: true } | { send: false; message: string }

const CLOSED = new Set(["CAPTURED", "CANCELLED", "EXPIRED", "CLOSED"])

/**
 * Whether an edited shipping address goes to Klarna: only while the order is
 * still a reservation (not fully captured, cancelled or expired), with the
 * automation on for its method and the order not left alone.
 */
export function addressChangeVerdict(payment: AddressChangePayment, block: AutomationBlock | null): AddressChangeVerdict {
  const what = "Klarna keeps the shipping address it had."
  if (block) {
    return { send: false, message: klarnaMessages.automationOff(block, "address_to_klarna", payment.payment_method, what) }
  }
  if (payment.canceled_at || CLOSED.has(String(payment.klarna_status ?? "").toUpperCase()) || payment.captured_amount >= payment.amount) {
    return { send: false, message: `The Klarna order is no longer a reservation (${payment.klarna_status ?? "captured"}): ${what}` }
  }
  return { send: true }
}

type AddressFields = Record<string, unknown>

/** The order's shipping address after an edit: the fields the edit sends over the ones it had. */
export function editedAddress<T extends AddressFields>(current: T | null | undefined, patch: AddressFields): T {
  const out: AddressFields = { ...(current ?? {}) }
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = value
  }
  return out as T
}
