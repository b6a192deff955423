import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KlarnaApiError } from "../../klarna/client"
import { DEFAULT_KUSTOM_PROVIDER_ID, klarnaClientFor } from "../../providers/klarna/provider-client"
import { brandOfProviderId } from "../../klarna/provider-ids"

/** What Kustom's push is about, read from Kustom and Medusa (the push itself carries only an id). */
export type KustomPurchase =
  | { problem: null; amount: number; currency_code: string; payment_session_id: string }
  | { problem: string; amount?: number; currency_code?: string }

/**
 * Kustom's order for a pushed checkout, and whether it is the cart's payment:
 * Kustom's order must exist and name the cart (`merchant_reference2`), and the
 * cart's Kustom payment session must be for that checkout order.
 */
export const readKustomPurchaseStep = createStep(
  "read-kustom-purchase",
  async (input: { cart_id: string; checkout_order_id: string }, { container }) => {
    let order
    try {
      order = await klarnaClientFor(container, DEFAULT_KUSTOM_PROVIDER_ID).getOrder(input.checkout_order_id)
    } catch (e) {
      if (e instanceof KlarnaApiError && e.status === 404) {
        return new StepResponse<KustomPurchase>({ problem: `Kustom has no order ${input.checkout_order_id}.` })
      }
      throw e
    }
    const money = { amount: order.order_amount, currency_code: order.purchase_currency.toLowerCase() }
    if (order.merchant_reference2 && order.merchant_reference2 !== input.cart_id) {
      return new StepResponse<KustomPurchase>({ problem: `Kustom order ${order.order_id} belongs to another cart.`, ...money })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "payment_collection.payment_sessions.id", "payment_collection.payment_sessions.provider_id", "payment_collection.payment_sessions.data"],
      filters: { id: input.cart_id },
    })
    const sessions: any[] = (data[0] as any)?.payment_collection?.payment_sessions ?? []
    const session = sessions.find((s) => brandOfProviderId(s.provider_id) === "kustom" && s.data?.kustom_checkout_order_id === order.order_id)
    if (!session) {
      return new StepResponse<KustomPurchase>({
        problem: `the cart's payment is no longer Kustom checkout ${order.order_id} (the cart changed after the shopper paid)`,
        ...money,
      })
    }
    return new StepResponse<KustomPurchase>({ problem: null, ...money, payment_session_id: session.id })
  }
)
