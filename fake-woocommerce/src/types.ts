/**
 * WooCommerce REST API v3 JSON shapes, as the fake serves them. Deliberately
 * independent of the importer's schemas: this is "the other side". Every object
 * accepts extra fields (plugins add their own).
 */
export type WooMeta = { id: number; key: string; value: unknown; display_key?: string; display_value?: unknown }
export type WooLineTax = { id: number; total: string; subtotal: string }

export type WooAddress = {
  first_name: string
  last_name: string
  company: string
  address_1: string
  address_2: string
  city: string
  state: string
  postcode: string
  country: string
  email?: string | null
  phone: string
}

export type WooLineItem = {
  id: number
  name: string
  product_id: number
  variation_id: number
  quantity: number
  tax_class: string
  subtotal: string
  subtotal_tax: string
  total: string
  total_tax: string
  taxes: WooLineTax[]
  meta_data: WooMeta[]
  sku: string
  price: number
  parent_name: string | null
  [extra: string]: unknown
}

export type WooTaxLine = {
  id: number
  rate_code: string
  rate_id: number
  label: string
  compound: boolean
  tax_total: string
  shipping_tax_total: string
  rate_percent: number
  meta_data: WooMeta[]
  [extra: string]: unknown
}

export type WooShippingLine = {
  id: number
  method_title: string
  method_id: string
  instance_id: string
  total: string
  total_tax: string
  taxes: WooLineTax[]
  meta_data: WooMeta[]
  [extra: string]: unknown
}

export type WooFeeLine = {
  id: number
  name: string
  tax_class: string
  tax_status: "taxable" | "none"
  amount: string
  total: string
  total_tax: string
  taxes: WooLineTax[]
  meta_data: WooMeta[]
  [extra: string]: unknown
}

export type WooCouponLine = { id: number; code: string; discount: string; discount_tax: string; meta_data: WooMeta[]; [extra: string]: unknown }

export type WooOrderStatus =
  | "pending"
  | "processing"
  | "on-hold"
  | "completed"
  | "cancelled"
  | "refunded"
  | "failed"
  | "checkout-draft"
  | "trash"

export type WooOrder = {
  id: number
  parent_id: number
  number: string
  order_key: string
  created_via: string
  version: string
  status: WooOrderStatus | string
  currency: string
  currency_symbol: string
  date_created: string
  date_created_gmt: string
  date_modified: string
  date_modified_gmt: string
  discount_total: string
  discount_tax: string
  shipping_total: string
  shipping_tax: string
  cart_tax: string
  total: string
  total_tax: string
  prices_include_tax: boolean
  customer_id: number
  customer_ip_address: string
  customer_user_agent: string
  customer_note: string
  billing: WooAddress
  shipping: WooAddress
  payment_method: string
  payment_method_title: string
  transaction_id: string
  date_paid: string | null
  date_paid_gmt: string | null
  date_completed: string | null
  date_completed_gmt: string | null
  cart_hash: string
  meta_data: WooMeta[]
  line_items: WooLineItem[]
  tax_lines: WooTaxLine[]
  shipping_lines: WooShippingLine[]
  fee_lines: WooFeeLine[]
  coupon_lines: WooCouponLine[]
  refunds: Array<{ id: number; reason: string; total: string }>
  [extra: string]: unknown
}

export type WooRefund = {
  id: number
  date_created: string
  date_created_gmt: string
  amount: string
  reason: string
  refunded_by: number
  refunded_payment: boolean
  meta_data: WooMeta[]
  line_items: WooLineItem[]
  shipping_lines: WooShippingLine[]
  tax_lines: WooTaxLine[]
  fee_lines: WooFeeLine[]
  [extra: string]: unknown
}

export type WooNote = {
  id: number
  author: string
  date_created: string
  date_created_gmt: string
  note: string
  customer_note: boolean
  [extra: string]: unknown
}

/** Refunds / notes per order id. Orders without an entry get ones derived from the order. */
export type WooOrderDetails = {
  refunds?: Record<number, WooRefund[]>
  notes?: Record<number, WooNote[]>
}

export type FakeFault = {
  /** "/orders", "/orders/123/notes" (relative to /wp-json/wc/v3) or a full path, or a RegExp on the full path. */
  path: string | RegExp
  /** HTTP status to answer with, or "reset" to drop the connection. */
  status: number | "reset"
  /** How many matching requests fail (default 1; Infinity = until cleared). */
  times?: number
  /** Retry-After header value (seconds). */
  retryAfter?: number | string
  /** Answer body (default: a WordPress-style error for the status). */
  body?: unknown
  /** Wait before answering (ms). */
  delayMs?: number
  method?: string
}

export type RecordedRequest = {
  method: string
  path: string
  /** Query parameters without `oauth_signature` and `consumer_secret`. */
  query: Record<string, string | string[]>
  auth: "oauth" | "basic" | "query" | "none"
  status?: number
  fault?: boolean
}

export type FakeWooCommerceOptions = {
  /** 0 = random free port (default). */
  port?: number
  host?: string
  consumerKey?: string
  consumerSecret?: string
  orders?: WooOrder[]
  refunds?: Record<number, WooRefund[]>
  notes?: Record<number, WooNote[]>
  /** Maximum per_page (default 100, as WooCommerce). */
  pageSizeCap?: number
  /** Delay before every answer (ms). */
  latencyMs?: number
}

export type RunningFakeWooCommerce = {
  /** Base URL of the shop, e.g. "http://127.0.0.1:4020" (the API is under /wp-json/wc/v3). */
  url: string
  consumerKey: string
  consumerSecret: string
  close(): Promise<void>
  setOrders(orders: WooOrder[], details?: WooOrderDetails): void
  addFault(fault: FakeFault): void
  clearFaults(): void
  requests(): RecordedRequest[]
  clearRequests(): void
  /** Delay every answer by `ms` (0 = none). */
  setLatency(ms: number): void
  /** Requests being answered now / the most at once since start or resetStats(). */
  stats(): { inFlight: number; maxInFlight: number }
  resetStats(): void
}
