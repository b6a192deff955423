import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { rowMinorUnits, sumMinor } from "../../klarna/utils/currency"
import { refusedBeforeActing } from "../klarna-action/refused-before-acting"
import { isManagedProviderId } from "../../klarna/provider-ids"

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
  /** Medusa's capture rows (amounts in major units, as Medusa keeps them). */
  capture_rows: Array<{ id: string; created_at: string; amount: string | number; minor: number }>
}

export interface OrderWithKlarna {
  id: string
  display_id?: number
  status: string
  currency_code: string
  payments: KlarnaPaymentRow[]
  /** Read-only Klarna history of an imported order Medusa does not manage in Klarna (a legacy gateway, say). */
  klarna_history: Record<string, unknown> | null
  /** Klarna sessions still waiting for Klarna's fraud decision (no Medusa payment yet). */
  pending_sessions: Array<{ id: string; provider_id: string; data: KlarnaPaymentData }>
}

export type LoadOrderKlarnaPaymentsOptions = {
  /** An admin's request: a missing order (404) or one not paid with Klarna (400) is refused before anything is done. */
  refuse_unless_klarna_order?: boolean
}

const isKlarnaProvider = (providerId: unknown) => isManagedProviderId(providerId)

/** An order with its Klarna payments (newest first), amounts in minor units. */
export async function loadOrderKlarnaPayments(
  container: MedusaContainer,
  orderId: string,
  options: LoadOrderKlarnaPaymentsOptions = {}
): Promise<OrderWithKlarna | undefined> {
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
      "metadata",
      "payment_collections.id",
      "payment_collections.payments.*",
      "payment_collections.payments.captures.*",
      "payment_collections.payments.refunds.*",
    ],
    filters: { id: orderId },
  })
  if (!order) {
    if (options.refuse_unless_klarna_order) {
      throw refusedBeforeActing("NOT_FOUND", `Order ${orderId} was not found.`)
    }
    return undefined
  }
  const payments = ((order as any).payment_collections ?? [])
    .flatMap((c: any) => (c.payments ?? []).map((p: any) => ({ ...p, payment_collection_id: c.id })))
    .filter((p: any) => isKlarnaProvider(p.provider_id))
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
        capture_rows: (p.captures ?? []).map((c: any) => ({
          id: c.id,
          created_at: c.created_at,
          amount: c.raw_amount?.value ?? c.amount,
          minor: rowMinorUnits(c, p.currency_code, { missingAsZero: true }),
        })),
      })
    )
    .sort((a: KlarnaPaymentRow, b: KlarnaPaymentRow) => String(b.created_at).localeCompare(String(a.created_at)))
  // Sessions matter only while no Klarna payment exists (Klarna's fraud review holds it back).
  const collectionIds = ((order as any).payment_collections ?? []).map((c: any) => c.id)
  const pending_sessions = payments.length || !collectionIds.length ? [] : await pendingKlarnaSessions(container, collectionIds)
  const history = (order as any).metadata?.klarna_history
  if (options.refuse_unless_klarna_order && !payments.length && !pending_sessions.length) {
    if (history) {
      throw refusedBeforeActing(
        "NOT_ALLOWED",
        `Order ${orderId} was paid with Klarna through WooCommerce's ${history.gateway} gateway; Medusa keeps it as read-only history and cannot manage it in Klarna.`
      )
    }
    throw refusedBeforeActing("NOT_ALLOWED", `Order ${orderId} was not paid with Klarna.`)
  }
  return {
    id: order.id,
    display_id: (order as any).display_id,
    status: (order as any).status,
    currency_code: (order as any).currency_code,
    payments,
    klarna_history: history && typeof history === "object" ? history : null,
    pending_sessions,
  }
}

async function pendingKlarnaSessions(container: MedusaContainer, collectionIds: string[]): Promise<OrderWithKlarna["pending_sessions"]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment_collection", fields: ["id", "payment_sessions.*"], filters: { id: collectionIds } })
  return (data as any[])
    .flatMap((c: any) => c.payment_sessions ?? [])
    .filter((s: any) => isKlarnaProvider(s.provider_id) && s.status === "pending_authorization")
    .map((s: any) => ({ id: s.id, provider_id: s.provider_id, data: (s.data ?? {}) as KlarnaPaymentData }))
}

/**
 * Which of an order's Klarna payments an action is about — the one rule, by purpose:
 * - `current`: capture, update: the payment backing the order now (newest not canceled); none once
 *   Medusa canceled it.
 * - `reservation`: cancel, release, extend: the newest that names a Klarna order, canceled or not
 *   (Medusa cancels its payment before the order's Klarna reservation is ended).
 * - `live`: sync and the admin view: the newest not canceled that names a Klarna order, else the
 *   newest that names one.
 * - `refundable`: refund preview: the one with money captured that names a Klarna order, else the newest.
 * - `replaced`: after an order change: the payment it replaced (its cancel was requested).
 */
export type KlarnaPaymentPurpose = "current" | "reservation" | "live" | "refundable" | "replaced"

export function orderKlarnaPayment(order: OrderWithKlarna | undefined, purpose: KlarnaPaymentPurpose): KlarnaPaymentRow | undefined {
  const payments = order?.payments ?? []
  const named = (p: KlarnaPaymentRow) => !!p.data.klarna_order_id
  switch (purpose) {
    case "current":
      return payments.find((p) => !p.canceled_at)
    case "reservation":
      return payments.find(named)
    case "live":
      return payments.find((p) => named(p) && !p.canceled_at) ?? payments.find(named)
    case "refundable":
      return payments.find((p) => named(p) && p.captured_amount > 0) ?? payments[0]
    case "replaced":
      return payments.find((p) => named(p) && !!p.data.cancel_requested_at)
  }
}
