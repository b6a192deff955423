import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaSessionInput } from "../../klarna/types/payment-data"
import { buildKlarnaOrderLines } from "../../klarna/utils/order-lines"
import { toKlarnaAddress } from "../../klarna/medusa/address"
import { cartToLineSource, type CartForKlarna } from "../../klarna/medusa/cart-line-source"

const TOTALS = ["total", "original_total", "tax_total", "original_tax_total"]

export const KLARNA_CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "locale",
  "total",
  "region.countries.iso_2",
  "billing_address.*",
  "shipping_address.*",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  ...TOTALS.map((t) => `items.${t}`),
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  ...TOTALS.map((t) => `shipping_methods.${t}`),
  "credit_lines.*",
]

type CartRow = CartForKlarna & {
  email?: string | null
  locale?: string | null
  region?: { countries?: Array<{ iso_2: string }> | null } | null
  billing_address?: Record<string, any> | null
  shipping_address?: Record<string, any> | null
}

/**
 * Builds the Klarna session/order body for a payment collection's cart, on the
 * server, from Medusa's own totals: the storefront never supplies order lines.
 * `purchase_country` and `locale` are left empty when the cart does not say, so
 * the provider's configured defaults apply.
 */
export async function buildCartSessionInput(
  container: MedusaContainer,
  paymentCollectionId: string
): Promise<Partial<KlarnaSessionInput> & Pick<KlarnaSessionInput, "order_lines" | "order_amount" | "order_tax_amount">> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [collection],
  } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "amount", "currency_code", "cart.id"],
    filters: { id: paymentCollectionId },
  })
  if (!collection) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection ${paymentCollectionId} was not found.`)
  }
  const cartId = (collection as any).cart?.id as string | undefined
  if (!cartId) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payment collection ${paymentCollectionId} does not belong to a cart; a Klarna checkout needs the cart's order lines.`
    )
  }
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: KLARNA_CART_FIELDS, filters: { id: cartId } })
  const row = cart as unknown as CartRow
  const country = (
    row.shipping_address?.country_code ||
    row.billing_address?.country_code ||
    (row.region?.countries?.length === 1 ? row.region.countries[0].iso_2 : undefined) ||
    ""
  ).toUpperCase()
  const amounts = buildKlarnaOrderLines(cartToLineSource(row, country, collection.amount as any))
  const locale = row.locale && /^[a-z]{2}-[A-Z]{2}$/.test(row.locale) ? row.locale : undefined
  return {
    purchase_country: country || undefined,
    purchase_currency: String(collection.currency_code).toUpperCase(),
    locale,
    ...amounts,
    billing_address: toKlarnaAddress(row.billing_address, row.email),
    shipping_address: toKlarnaAddress(row.shipping_address, row.email),
    merchant_reference2: row.id,
  }
}
