import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaObservedOrder, KlarnaPaymentData, KlarnaRefundPlan } from "../../klarna/types/payment-data"
import type { KlarnaOrder } from "../../klarna/client"
import { capturedLines } from "../../klarna/decisions/captured-lines"
import { formatMinorUnits, sumMinor, toMinorUnits } from "../../klarna/utils/currency"
import {
  buildGoodwillRefundLines,
  buildItemRefundLines,
  describeGoodwillSplit,
  describeItemRefund,
  RETURN_FEE_COUNTRIES,
} from "../../klarna/utils/refund-lines"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../order-management/klarna-provider-client"
import { returnedItemsToRefund } from "./returned-items"

/**
 * Decides what a Medusa refund of a Klarna payment sends to Klarna, before
 * Medusa records it: the captured lines for a full refund; the returned items'
 * lines (with a return fee where Klarna allows one) when the amount is what a
 * received return is worth; otherwise a good-will refund under the merchant's
 * VAT policy. Refusals happen here, before anything is recorded or sent.
 * Returns null for payments that are not Klarna's.
 */
export async function planKlarnaRefund(
  container: MedusaContainer,
  paymentId: string,
  requestedAmount?: number | string
): Promise<KlarnaRefundPlan | null> {
  const planned = await planFromKlarnaOrder(container, paymentId, requestedAmount)
  return planned && { ...planned.plan, observed: observedOrder(planned.klarna) }
}

function observedOrder(klarna: KlarnaOrder): KlarnaObservedOrder {
  return {
    read_at: new Date().toISOString(),
    status: klarna.status,
    order_amount: klarna.order_amount,
    captured_amount: klarna.captured_amount,
    refunded_amount: klarna.refunded_amount,
    purchase_currency: klarna.purchase_currency,
    order_lines: klarna.order_lines,
    refunds: (klarna.refunds ?? []).map((r) => ({ refund_id: r.refund_id, refunded_amount: r.refunded_amount, reference: r.reference, refunded_at: r.refunded_at })),
  }
}

async function planFromKlarnaOrder(
  container: MedusaContainer,
  paymentId: string,
  requestedAmount?: number | string
): Promise<{ plan: KlarnaRefundPlan; klarna: KlarnaOrder } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "currency_code", "data", "captures.raw_amount", "refunds.raw_amount", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  const p = payment as any
  if (!p || !String(p.provider_id).startsWith("pp_klarna")) {
    return null
  }
  const data = (p.data ?? {}) as KlarnaPaymentData
  if (!data.klarna_order_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna order ID is missing, the Klarna order could not be refunded.")
  }
  const currency = p.currency_code as string
  const klarna = await klarnaClientFor(container, p.provider_id).getOrder(data.klarna_order_id)
  if (klarna.captured_amount <= 0) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna order has not been captured and cannot be refunded.")
  }
  const refundable = klarna.captured_amount - klarna.refunded_amount
  const amount =
    requestedAmount !== undefined && requestedAmount !== null
      ? toMinorUnits(requestedAmount, currency)
      : sumMinor(p.captures, currency) - sumMinor(p.refunds, currency)
  if (amount <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A refund needs an amount greater than zero.")
  }
  if (amount > refundable) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Could not refund Klarna order: ${formatMinorUnits(amount, currency)} is more than the ${formatMinorUnits(refundable, currency)} captured and not yet refunded.`
    )
  }
  const captured = capturedLines(klarna)

  if (klarna.refunded_amount === 0 && amount === klarna.captured_amount) {
    return { plan: { amount, kind: "full", order_lines: captured, summary: "full refund" }, klarna }
  }

  const orderId = p.payment_collection?.order?.id as string | undefined
  const returned = orderId ? await returnedItemsToRefund(container, orderId, data.refunded_return_ids ?? []) : undefined
  if (returned?.items.length) {
    const itemsOnly = tryItemLines({ currency, captured_lines: captured, items: returned.items })
    if (itemsOnly && itemsOnly.refunded_amount === amount) {
      return { plan: { amount, kind: "lines", order_lines: itemsOnly.order_lines, summary: describeItemRefund(itemsOnly.order_lines), return_ids: returned.return_ids }, klarna }
    }
    const country = klarna.purchase_country?.toUpperCase()
    if (itemsOnly && amount < itemsOnly.refunded_amount && country && RETURN_FEE_COUNTRIES.includes(country)) {
      const rate = dominantRate(itemsOnly.order_lines)
      const withFee = tryItemLines({
        currency,
        captured_lines: captured,
        items: returned.items,
        return_fee: { amount: itemsOnly.refunded_amount - amount, tax_rate: rate },
        purchase_country: country,
      })
      if (withFee && withFee.refunded_amount === amount) {
        return { plan: { amount, kind: "lines", order_lines: withFee.order_lines, summary: describeItemRefund(withFee.order_lines), return_ids: returned.return_ids }, klarna }
      }
    }
  }

  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const policy = (await om.getSettings()).goodwill_vat_policy
  const lines = buildGoodwillRefundLines({ amount, currency: klarna.purchase_currency, captured_lines: captured, policy })
  return { plan: { amount, kind: "goodwill", order_lines: lines, summary: describeGoodwillSplit(lines, klarna.purchase_currency) }, klarna }
}

function tryItemLines(input: Parameters<typeof buildItemRefundLines>[0]) {
  try {
    return buildItemRefundLines(input)
  } catch {
    return undefined
  }
}

function dominantRate(lines: Array<{ tax_rate?: number; total_amount: number }>): number {
  const top = [...lines].sort((a, b) => b.total_amount - a.total_amount)[0]
  return top?.tax_rate ?? 0
}

/** Stores the plan on the payment, where the provider reads it when Medusa refunds. */
export async function saveKlarnaRefundPlan(container: MedusaContainer, paymentId: string, plan: KlarnaRefundPlan) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const [payment] = await payments.listPayments({ id: paymentId }, { select: ["id", "data"] })
  // UpdatePaymentDTO's type omits `data`, but the module persists it.
  await payments.updatePayment({ id: paymentId, data: { ...(payment?.data ?? {}), refund_plan: plan } } as any)
}
