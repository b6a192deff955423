import { SAMPLE_ORDER_H_BACS, sampleStore, type WooOrder, type WooRefund, type WooNote } from "../../fake-woocommerce/src"

const meta = (id: number, key: string, value: string) => ({ id, key, value })
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** A customer that exists before the import; the order with this email must reuse it. */
export const EXISTING_CUSTOMER = { email: "existing.customer@example.se", first_name: "Existing", last_name: "Customer" }


/**
 * Klarna Payments, Finland, EUR, VAT 25.5 %, completed (captured), with an
 * invoice fee ("Laskutuslisä") and a line whose SKU is a demo-store variant:
 * 2 × 62.75 + shipping 12.55 + fee 5.02 = 143.07.
 */
export function finnishInvoiceOrder(): WooOrder {
  const order = copy(SAMPLE_ORDER_H_BACS)
  const address = { first_name: "Aino", last_name: "Virtanen", company: "", address_1: "Mannerheimintie 1", address_2: "", city: "Helsinki", state: "", postcode: "00100", country: "FI", phone: "+358401234567" }
  const tax = (total: string) => [{ id: 3, total, subtotal: total }]
  return {
    ...order,
    id: 48470,
    number: "48470",
    order_key: "wc_order_fi48470invoice",
    status: "completed",
    currency: "EUR",
    currency_symbol: "€",
    date_created: "2025-07-12T12:00:00",
    date_created_gmt: "2025-07-12T09:00:00",
    date_modified: "2025-07-13T12:00:00",
    date_modified_gmt: "2025-07-13T09:00:00",
    date_completed: "2025-07-13T12:00:00",
    date_completed_gmt: "2025-07-13T09:00:00",
    payment_method: "klarna_payments",
    payment_method_title: "Klarna - Lasku",
    transaction_id: "4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a10",
    billing: { ...address, email: "aino.virtanen@example.fi" },
    shipping: address,
    shipping_total: "10.00",
    shipping_tax: "2.55",
    cart_tax: "26.52",
    total: "143.07",
    total_tax: "29.07",
    meta_data: [
      meta(1, "_wc_klarna_order_id", "4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a10"),
      meta(2, "_wc_klarna_environment", "live"),
      meta(3, "_wc_klarna_country", "FI"),
      meta(4, "_kp_payment_method", "Lasku"),
      meta(5, "_wc_klarna_capture_id", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
    ],
    line_items: [
      {
        id: 93001,
        name: "Klarna T-shirt",
        product_id: 8001,
        variation_id: 0,
        quantity: 2,
        tax_class: "",
        subtotal: "100.00",
        subtotal_tax: "25.50",
        total: "100.00",
        total_tax: "25.50",
        taxes: tax("25.5"),
        meta_data: [],
        sku: "TSHIRT-PINK",
        price: 50,
        parent_name: null,
      },
    ],
    shipping_lines: [{ id: 93002, method_title: "Posti", method_id: "flat_rate", instance_id: "3", total: "10.00", total_tax: "2.55", taxes: tax("2.55"), meta_data: [] }],
    fee_lines: [{ id: 93003, name: "Laskutuslisä", tax_class: "", tax_status: "taxable", amount: "4", total: "4.00", total_tax: "1.02", taxes: tax("1.02"), meta_data: [] }],
    tax_lines: [
      { id: 93004, rate_code: "FI-ALV 25.5%-1", rate_id: 3, label: "ALV 25,5 %", compound: false, tax_total: "26.52", shipping_tax_total: "2.55", rate_percent: 25.5, meta_data: [] },
    ],
    coupon_lines: [],
    refunds: [],
  } as WooOrder
}

/** A Klarna order in USD: no region sells in USD, so it cannot be imported. */
export function usdOrder(): WooOrder {
  const order = copy(SAMPLE_ORDER_H_BACS)
  return {
    ...order,
    id: 48480,
    number: "48480",
    order_key: "wc_order_usd48480",
    currency: "USD",
    currency_symbol: "$",
    payment_method: "kco",
    payment_method_title: "Klarna",
    transaction_id: "7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a",
    meta_data: [meta(1, "_wc_klarna_order_id", "7d6c5b4a-3f2e-4d1c-9b0a-8f7e6d5c4b3a"), meta(2, "_wc_klarna_environment", "live")],
  }
}

/** A Klarna order whose order management was disconnected in WooCommerce: its payment is not managed in Klarna (system provider). */
export function disconnectedOrder(): WooOrder {
  const order = copy(SAMPLE_ORDER_H_BACS)
  return {
    ...order,
    id: 48490,
    number: "48490",
    order_key: "wc_order_kom48490",
    status: "completed",
    payment_method: "kco",
    payment_method_title: "Klarna",
    transaction_id: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
    billing: { ...order.billing, email: "erik.johansson@example.se" },
    meta_data: [meta(1, "_wc_klarna_order_id", "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"), meta(2, "_wc_klarna_environment", "live"), meta(3, "_kom_disconnect", "yes")],
  }
}

/**
 * The sample shop plus a Finnish EUR order with an invoice fee, an order in a
 * currency no region sells in and one not managed in Klarna (order management
 * disconnected) whose customer is B's; one order (E) reuses an existing customer.
 */
export function batchEquivalenceStore(): { orders: WooOrder[]; refunds: Record<number, WooRefund[]>; notes: Record<number, WooNote[]> } {
  const store = sampleStore()
  for (const order of store.orders) {
    if (order.id === 48420) order.billing = { ...order.billing, email: EXISTING_CUSTOMER.email } // E: fully refunded
  }
  return { ...store, orders: [...store.orders, finnishInvoiceOrder(), usdOrder(), disconnectedOrder()] }
}

/** The same shop with every email's local part suffixed, so a second import creates its own customers. */
export function withEmailTag(store: ReturnType<typeof batchEquivalenceStore>, tag: string) {
  const tagged = copy(store)
  for (const order of tagged.orders) {
    if (order.billing?.email) order.billing.email = order.billing.email.replace("@", `+${tag}@`)
    for (const m of order.meta_data) if (m.key === "_shipping_email" && typeof m.value === "string") m.value = m.value.replace("@", `+${tag}@`)
  }
  return tagged
}
