/** The customer and the billing / shipping addresses. */
import { getMetaString } from "../woo-meta"
import type { WooAddress, WooOrder } from "../woo-schemas"
import { clean, type OrderScope } from "./order-scope"
import type { ImportedAddress, ImportedOrderDraft } from "./woo-draft-types"

/** null when the address is missing or every field is empty. */
export function mapAddress(a: WooAddress | null | undefined): ImportedAddress | null {
  if (!a) return null
  const out: ImportedAddress = {
    first_name: clean(a.first_name),
    last_name: clean(a.last_name),
    company: clean(a.company),
    address_1: clean(a.address_1),
    address_2: clean(a.address_2),
    city: clean(a.city),
    postal_code: clean(a.postcode),
    province: clean(a.state),
    country_code: clean(a.country)?.toLowerCase() ?? null,
    phone: clean(a.phone),
  }
  return Object.values(out).some((v) => v !== null) ? out : null
}

export type DraftContact = Pick<ImportedOrderDraft, "email" | "customer" | "billing_address" | "shipping_address">

/** E-mail from billing, else the `_shipping_email` meta (a warning when neither has one). */
export function mapCustomer(scope: OrderScope, order: WooOrder): DraftContact {
  const billing = mapAddress(order.billing)
  const shippingAddress = mapAddress(order.shipping)
  const email = clean(order.billing?.email) ?? clean(getMetaString(order.meta_data, "_shipping_email"))
  if (!email) scope.warnings.push("the order has no e-mail address")
  const phone = clean(order.billing?.phone)
  const customer: ImportedOrderDraft["customer"] = {
    email,
    first_name: clean(order.billing?.first_name),
    last_name: clean(order.billing?.last_name),
  }
  if (phone) customer.phone = phone
  if (order.customer_id) customer.woo_customer_id = order.customer_id
  return { email, customer, billing_address: billing, shipping_address: shippingAddress }
}
