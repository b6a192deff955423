import type { BigNumberInput } from "@medusajs/framework/types"
import type { KlarnaLineSource } from "../utils/order-lines"
import { sumTaxRates } from "./tax-rate"

type Totals = {
  total?: BigNumberInput
  original_total?: BigNumberInput
  tax_total?: BigNumberInput
  original_tax_total?: BigNumberInput
}

export type CartForKlarna = {
  id: string
  currency_code: string
  items?: Array<
    Totals & {
      id: string
      title?: string | null
      product_title?: string | null
      variant_title?: string | null
      variant_sku?: string | null
      variant_id?: string | null
      quantity: BigNumberInput
      requires_shipping?: boolean | null
      thumbnail?: string | null
      tax_lines?: Array<{ rate?: number | string | null }> | null
    }
  > | null
  shipping_methods?: Array<
    Totals & { id: string; name?: string | null; shipping_option_id?: string | null; tax_lines?: Array<{ rate?: number | string | null }> | null }
  > | null
  credit_lines?: Array<{ id: string; amount: BigNumberInput; reference?: string | null }> | null
}

const zero = 0

function itemName(item: NonNullable<CartForKlarna["items"]>[number]): string {
  if (item.product_title && item.variant_title && item.variant_title !== "Default variant") {
    return `${item.product_title} – ${item.variant_title}`
  }
  return item.product_title || item.title || "Item"
}

/** The reference an item's Klarna line carries: its SKU, else its variant, else the item's id. */
export const klarnaItemReference = (item: { id: string; variant_sku?: string | null; variant_id?: string | null }) =>
  item.variant_sku || item.variant_id || item.id

/** A Medusa cart (with computed totals) as the source of Klarna order lines. */
export function cartToLineSource(cart: CartForKlarna, purchaseCountry: string, amount: BigNumberInput): KlarnaLineSource {
  return {
    currency_code: cart.currency_code,
    purchase_country: purchaseCountry,
    amount,
    items: (cart.items ?? []).map((item) => ({
      id: item.id,
      title: itemName(item),
      reference: klarnaItemReference(item),
      quantity: item.quantity,
      original_total: item.original_total ?? zero,
      total: item.total ?? zero,
      tax_total: item.tax_total ?? zero,
      original_tax_total: item.original_tax_total ?? zero,
      tax_rate: sumTaxRates(item.tax_lines),
      is_digital: item.requires_shipping === false,
      image_url: item.thumbnail,
    })),
    shipping_methods: (cart.shipping_methods ?? []).map((method) => ({
      id: method.id,
      name: method.name || "Shipping",
      reference: method.shipping_option_id || method.id,
      original_total: method.original_total ?? zero,
      total: method.total ?? zero,
      tax_total: method.tax_total ?? zero,
      original_tax_total: method.original_tax_total ?? zero,
      tax_rate: sumTaxRates(method.tax_lines),
    })),
    credits: (cart.credit_lines ?? []).map((credit) => ({
      id: credit.id,
      name: credit.reference === "gift_card" ? "Gift card" : "Store credit",
      amount: credit.amount,
      kind: credit.reference === "gift_card" ? ("gift_card" as const) : ("store_credit" as const),
    })),
  }
}
