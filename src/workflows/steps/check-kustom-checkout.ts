import { ContainerRegistrationKeys, getVariantAvailability } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KlarnaApiError } from "../../klarna/client"
import { checkoutMismatch } from "../../klarna/kustom/checkout-matches-cart"
import { stockShortage, type StockLine } from "../../klarna/kustom/stock-shortage"
import { DEFAULT_KUSTOM_PROVIDER_ID, klarnaClientFor } from "../../providers/klarna/provider-client"
import { buildCartSessionInput } from "../queries/cart-session-input"

/** Why the purchase is refused, in words for the log and a code for the storefront's checkout page. */
export type KustomCheckoutVerdict = { accepted: true } | { accepted: false; code: "cart_changed" | "out_of_stock" | "cart_completed" | "unknown_checkout"; reason: string }

const refuse = (code: Exclude<KustomCheckoutVerdict, { accepted: true }>["code"], reason: string) =>
  new StepResponse<KustomCheckoutVerdict>({ accepted: false, code, reason })

/**
 * Kustom's validation callback, answered from what Medusa and Kustom hold now
 * (never from the callback's body): the checkout order read from Kustom must
 * still be the cart's lines and total, the cart must still be open, and the
 * stock must cover it.
 */
export const checkKustomCheckoutStep = createStep(
  "check-kustom-checkout",
  async (input: { cart_id: string; checkout_order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "completed_at",
        "sales_channel_id",
        "payment_collection.id",
        "items.title",
        "items.quantity",
        "items.variant_id",
        "items.variant.manage_inventory",
        "items.variant.allow_backorder",
      ],
      filters: { id: input.cart_id },
    })
    const cart = data[0] as any
    if (!cart) {
      return refuse("cart_changed", `cart ${input.cart_id} no longer exists`)
    }
    if (cart.completed_at) {
      return refuse("cart_completed", "the cart has already become an order")
    }
    if (!cart.payment_collection?.id) {
      return refuse("cart_changed", "the cart has no payment")
    }
    let checkout
    try {
      checkout = await klarnaClientFor(container, DEFAULT_KUSTOM_PROVIDER_ID).getCheckoutOrder(input.checkout_order_id)
    } catch (e) {
      if (e instanceof KlarnaApiError && e.status === 404) {
        return refuse("unknown_checkout", `Kustom has no checkout order ${input.checkout_order_id}`)
      }
      throw e
    }
    const current = await buildCartSessionInput(container, cart.payment_collection.id)
    const mismatch = checkoutMismatch(checkout, { ...current, purchase_currency: current.purchase_currency!, cart_id: cart.id })
    if (mismatch) {
      return refuse("cart_changed", mismatch)
    }
    const lines: StockLine[] = (cart.items ?? []).map((item: any) => ({
      title: item.title,
      variant_id: item.variant_id ?? null,
      quantity: Number(item.quantity),
      manage_inventory: !!item.variant?.manage_inventory,
      allow_backorder: !!item.variant?.allow_backorder,
    }))
    const managed = [...new Set(lines.filter((l) => l.variant_id && l.manage_inventory).map((l) => l.variant_id!))]
    if (managed.length && cart.sales_channel_id) {
      const availability = await getVariantAvailability(query, { variant_ids: managed, sales_channel_id: cart.sales_channel_id })
      const shortage = stockShortage(lines, Object.fromEntries(Object.entries(availability).map(([id, a]) => [id, a.availability])))
      if (shortage) {
        return refuse("out_of_stock", shortage)
      }
    }
    return new StepResponse<KustomCheckoutVerdict>({ accepted: true })
  }
)
