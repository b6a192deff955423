import { DAY } from "../config"
import type { SimContext } from "../context"
import { initialPaymentMethod } from "../domain/payment-methods"
import type { SimCheckout } from "../state/checkout-models"
import { iso, newKlarnaReference } from "../state/ids"
import type { FraudStatus, SimOrder } from "../state/models"

export interface PurchaseOutcome {
  fraud_status: FraudStatus
  payment_method_type: string
}

/** The Order Management order a completed Kustom checkout becomes (same order_id, realm kustom). */
export function kustomOrderFromCheckout(ctx: SimContext, checkout: SimCheckout, outcome: PurchaseOutcome): SimOrder {
  const p = checkout.purchase
  const now = ctx.now()
  return {
    order_id: checkout.order_id,
    realm: "kustom",
    klarna_reference: newKlarnaReference(),
    status: "AUTHORIZED",
    fraud_status: outcome.fraud_status,
    order_amount: p.order_amount,
    original_order_amount: p.order_amount,
    captured_amount: 0,
    refunded_amount: 0,
    remaining_authorized_amount: p.order_amount,
    purchase_country: p.purchase_country,
    purchase_currency: p.purchase_currency,
    locale: p.locale,
    order_lines: structuredClone(p.order_lines),
    merchant_reference1: p.merchant_reference1,
    merchant_reference2: p.merchant_reference2,
    merchant_data: p.merchant_data,
    created_at: iso(now),
    expires_at: iso(now + ctx.config.authorizationDays * DAY),
    captures: [],
    refunds: [],
    billing_address: p.billing_address,
    shipping_address: p.shipping_address,
    customer: p.customer,
    shipping_info: [],
    initial_payment_method: initialPaymentMethod(outcome.payment_method_type),
    merchant_urls: { ...p.merchant_urls },
    sim: {
      auto_capture: p.options?.auto_capture === true,
      acknowledged: false,
      fraud_stopped: false,
      notifications: [],
    },
  }
}
