import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { rowMinorUnits, sumMinor } from "../../klarna/utils/currency"

export interface KlarnaPaymentRow {
  id: string
  provider_id: string
  /** Amounts in the currency's minor units (as Klarna counts them). */
  amount: number
  currency_code: string
  captured_amount: number
  refunded_amount: number
  canceled_at: string | null
  captured_at: string | null
  created_at: string
  payment_collection_id: string
  data: KlarnaPaymentData
}

export interface OrderWithKlarna {
  id: string
  display_id?: number
  status: string
  currency_code: string
  payments: KlarnaPaymentRow[]
  /** Klarna sessions still waiting for Klarna's fraud decision (no Medusa payment yet). */
  pending_sessions: Array<{ id: string; provider_id: string; data: KlarnaPaymentData }>
}

/** An order with its Klarna payments (newest first), amounts in minor units. */
export async function loadOrderKlarnaPayments(container: MedusaContainer, orderId: string): Promise<OrderWithKlarna | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "status",
      "currency_code",
      "payment_collections.id",
      "payment_collections.payments.*",
      "payment_collections.payments.captures.*",
      "payment_collections.payments.refunds.*",
      "payment_collections.payment_sessions.*",
    ],
    filters: { id: orderId },
  })
  if (!order) {
    return undefined
  }
  const payments = ((order as any).payment_collections ?? [])
    .flatMap((c: any) => (c.payments ?? []).map((p: any) => ({ ...p, payment_collection_id: c.id })))
    .filter((p: any) => typeof p.provider_id === "string" && p.provider_id.startsWith("pp_klarna"))
    .map(
      (p: any): KlarnaPaymentRow => ({
        id: p.id,
        provider_id: p.provider_id,
        amount: rowMinorUnits(p, p.currency_code, { missingAsZero: true }),
        currency_code: p.currency_code,
        captured_amount: sumMinor(p.captures, p.currency_code, { missingAsZero: true }),
        refunded_amount: sumMinor(p.refunds, p.currency_code, { missingAsZero: true }),
        canceled_at: p.canceled_at ?? null,
        captured_at: p.captured_at ?? null,
        created_at: p.created_at,
        payment_collection_id: p.payment_collection_id,
        data: (p.data ?? {}) as KlarnaPaymentData,
      })
    )
    .sort((a: KlarnaPaymentRow, b: KlarnaPaymentRow) => String(b.created_at).localeCompare(String(a.created_at)))
  const pending_sessions = ((order as any).payment_collections ?? [])
    .flatMap((c: any) => c.payment_sessions ?? [])
    .filter((s: any) => s.provider_id?.startsWith("pp_klarna") && s.status === "pending_authorization")
    .map((s: any) => ({ id: s.id, provider_id: s.provider_id, data: (s.data ?? {}) as KlarnaPaymentData }))
  return {
    id: order.id,
    display_id: (order as any).display_id,
    status: (order as any).status,
    currency_code: (order as any).currency_code,
    payments,
    pending_sessions,
  }
}

/** The payment currently backing the order in Klarna: the newest one not canceled. */
export function activeKlarnaPayment(order: OrderWithKlarna): KlarnaPaymentRow | undefined {
  return order.payments.find((p) => !p.canceled_at)
}
