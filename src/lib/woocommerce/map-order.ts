/**
 * One WooCommerce order (+ its refunds and notes) → a normalized,
 * Medusa-ready `ImportedOrderDraft`, or a reason why it is not imported.
 *
 * Money: every amount in the draft is an integer in the currency's MINOR unit.
 * Each WooCommerce money field is parsed as an exact decimal and rounded once,
 * on its own, half away from zero (see woo-money.ts); sums are integer sums.
 *
 * Consistency ("better not imported than imported wrongly"): the draft is only
 * produced when
 *   Σ items (total + total_tax) + Σ shipping (total + total_tax) + Σ fees (total + total_tax)
 * equals the order `total` to the minor unit. Otherwise `{ ok: false, reason }`
 * names both amounts. (A shop that rounds tax "at subtotal level" can be one
 * minor unit off per rate; the reason says so when `tax_lines` explain it.)
 *
 * Line items: `unit_price` is tax-INCLUSIVE and before discount:
 * (subtotal + subtotal_tax) / quantity. When that division is not exact the
 * unit price is rounded UP and the remainder is carried in `discount`, so that
 * always `unit_price × quantity − discount = total + total_tax` and the discount
 * never goes negative because of rounding (`unit_price_rounded: true`).
 */
import { formatMinorUnits, currencyExponent } from "../../providers/klarna/utils/currency"
import { BASIS_POINTS_PER_PERCENT, basisPointsToPercent } from "../../providers/klarna/validation/order-line-rules"
import { extractKlarnaData, type KlarnaOrderData } from "./klarna-order-data"
import { isKlarnaOrder } from "./klarna-payment-methods"
import { isSensitiveMetaKey } from "./sensitive-meta"
import { mapWooStatus, type MedusaStatusTarget, type WooBaseStatus } from "./status-map"
import { WooMoneyError, wooMoneyToMinor } from "./woo-money"
import { getMetaString } from "./woo-meta"
import {
  describeZodError,
  WooNoteSchema,
  WooOrderSchema,
  WooRefundSchema,
  type WooAddress,
  type WooLineTax,
  type WooNote,
  type WooNoteInput,
  type WooOrder,
  type WooOrderInput,
  type WooRefund,
  type WooRefundInput,
  type WooTaxLine,
} from "./woo-schemas"

export interface ImportedAddress {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  postal_code: string | null
  /** WooCommerce `state` (a code such as "CA" where the shop uses codes). */
  province: string | null
  /** ISO 3166-1 alpha-2, lower case. */
  country_code: string | null
  phone: string | null
}

export interface ImportedTaxLine {
  rate_id: number
  /** WooCommerce rate code, e.g. "SE-MOMS 25%-1". */
  code: string | null
  /** Label, e.g. "Moms 25%". */
  name: string | null
  /** Percent, e.g. 25. */
  rate: number | null
  compound: boolean
  /** This line's tax for the rate, minor units (raw precision rounded once). */
  total: number
}

export interface ImportedLineItem {
  woo_line_id: number
  title: string
  /** `parent_name` for variations, else the item name. */
  product_title: string
  sku?: string
  product_id?: number
  variation_id?: number
  quantity: number
  /** Minor units, INCLUDING tax, BEFORE discount. */
  unit_price: number
  /** true when (subtotal + subtotal_tax) / quantity was not exact (remainder is in `discount`). */
  unit_price_rounded?: boolean
  /** Ex tax, before discount. */
  subtotal: number
  subtotal_tax: number
  /** Ex tax, after discount. */
  total: number
  total_tax: number
  /** Percent (sum of the line's rates), e.g. 25 or 12. */
  tax_rate: number
  tax_lines: ImportedTaxLine[]
  /** Discount including tax: unit_price × quantity − (total + total_tax). */
  discount: number
  /** Variation attributes from display meta ("Färg": "Svart"); hidden and sensitive meta excluded. */
  options?: Record<string, string>
}

export interface ImportedShippingLine {
  woo_line_id: number
  title: string
  method_id: string | null
  instance_id: string | null
  total: number
  total_tax: number
  tax_rate: number
  tax_lines: ImportedTaxLine[]
}

export interface ImportedFeeLine {
  woo_line_id: number
  name: string
  /** Ex tax; can be negative. */
  total: number
  total_tax: number
  tax_rate: number
  tax_lines: ImportedTaxLine[]
}

export interface ImportedCoupon {
  code: string
  /** Ex tax. */
  discount: number
  discount_tax: number
}

export interface ImportedRefundItem {
  /** Original line id (`_refunded_item_id`). */
  woo_line_id: number | null
  /** Positive quantity returned. */
  quantity: number
  /** Positive, ex tax. */
  total: number
  total_tax: number
}

export interface ImportedRefund {
  woo_refund_id: number
  /** Positive, minor units. */
  amount: number
  reason: string | null
  /** ISO 8601 UTC, or null when only the order's summary was available. */
  created_at: string | null
  /** true = the gateway (Klarna) was called for this refund. */
  refunded_payment: boolean | null
  /** What KOM sends to Klarna as the refund `reference`: "{order_number}|{refund_id}". */
  klarna_reference: string
  items: ImportedRefundItem[]
}

export interface ImportedOrderTotals {
  /** Order total, tax included. */
  total: number
  total_tax: number
  /** As WooCommerce reports them: ex tax. */
  shipping_total: number
  shipping_tax: number
  discount_total: number
  discount_tax: number
  /** Σ refunds (positive). */
  refunded_total: number
}

export interface ImportedOrderDraft {
  /** `woo:{host[/path]}:{id}`: stable external id for upserts. */
  external_id: string
  woo_id: number
  number: string
  order_key: string | null
  shop_url: string
  /** WooCommerce status as sent (without `wc-`). */
  status: string
  /** Lower case ISO 4217. */
  currency_code: string
  /** ISO 8601 UTC ("…Z"). */
  created_at: string
  modified_at: string | null
  paid_at: string | null
  completed_at: string | null
  email: string | null
  customer: { email: string | null; first_name: string | null; last_name: string | null; phone?: string; woo_customer_id?: number }
  billing_address: ImportedAddress | null
  shipping_address: ImportedAddress | null
  customer_note: string | null
  prices_include_tax: boolean | null
  payment_method_title: string | null
  items: ImportedLineItem[]
  shipping: ImportedShippingLine[]
  fees: ImportedFeeLine[]
  coupons: ImportedCoupon[]
  totals: ImportedOrderTotals
  refunds: ImportedRefund[]
  klarna: KlarnaOrderData
  medusa_status: MedusaStatusTarget
  metadata: {
    woocommerce_id: number
    woocommerce_number: string
    woocommerce_order_key: string | null
    woocommerce_shop_url: string
  }
  /** Non-fatal findings (data recovered or guessed). */
  warnings: string[]
}

export type MapWooOrderResult = { ok: true; draft: ImportedOrderDraft } | { ok: false; reason: string }

export interface MapWooOrderContext {
  /** Full refund objects (`GET /orders/{id}/refunds`); falls back to the order's `refunds[]` summaries. */
  refunds?: readonly (WooRefund | WooRefundInput)[]
  notes?: readonly (WooNote | WooNoteInput)[]
  /** The shop's base URL, e.g. "https://shop.example.se". */
  shopUrl: string
  /** Import pending / failed / checkout-draft orders as flagged history. */
  includeUnpaid?: boolean
  customStatuses?: Record<string, WooBaseStatus>
}

class MappingFailure extends Error {}

function fail(reason: string): never {
  throw new MappingFailure(reason)
}

function clean(v: unknown): string | null {
  if (typeof v !== "string" && typeof v !== "number") return null
  const s = String(v).trim()
  return s === "" ? null : s
}

/** "2025-03-14T09:42:17" (GMT, no zone) → "2025-03-14T09:42:17.000Z". */
function toUtcIso(gmt: string | null | undefined, local: string | null | undefined, field: string, warnings: string[]): string | null {
  const fromGmt = clean(gmt)
  if (fromGmt) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(fromGmt) ? fromGmt : `${fromGmt}Z`
    const d = new Date(withZone.replace(" ", "T"))
    if (!Number.isNaN(d.getTime())) return d.toISOString()
  }
  const fromLocal = clean(local)
  if (fromLocal) {
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(fromLocal)
    const d = new Date(hasZone ? fromLocal : `${fromLocal.replace(" ", "T")}Z`)
    if (!Number.isNaN(d.getTime())) {
      if (!hasZone) warnings.push(`${field}: no GMT date; the site-local time was taken as UTC`)
      return d.toISOString()
    }
  }
  return null
}

function address(a: WooAddress | null | undefined): ImportedAddress | null {
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

function normalizeShopUrl(shopUrl: string): { url: string; key: string } {
  const url = (shopUrl ?? "").trim().replace(/\/+$/, "")
  let key = url
  try {
    const u = new URL(url)
    key = `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`
  } catch {
    /* keep the raw string */
  }
  return { url, key }
}

function parseOrFail<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: any } }, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (!r.success) fail(`${what} is not a valid WooCommerce object (${describeZodError(r.error)})`)
  return r.data
}

export function mapWooOrder(input: WooOrder | WooOrderInput, ctx: MapWooOrderContext): MapWooOrderResult {
  try {
    return { ok: true, draft: buildDraft(input, ctx) }
  } catch (e) {
    if (e instanceof MappingFailure) return { ok: false, reason: e.message }
    if (e instanceof WooMoneyError) return { ok: false, reason: e.message }
    throw e
  }
}

function buildDraft(input: WooOrder | WooOrderInput, ctx: MapWooOrderContext): ImportedOrderDraft {
  const order = parseOrFail<WooOrder>(WooOrderSchema, input, "the order")
  const label = `order #${order.number ?? order.id} (id ${order.id})`
  const notes = (ctx.notes ?? []).map((n, i) => parseOrFail<WooNote>(WooNoteSchema, n, `${label}: note ${i + 1}`))
  const fullRefunds =
    ctx.refunds === undefined ? undefined : ctx.refunds.map((r, i) => parseOrFail<WooRefund>(WooRefundSchema, r, `${label}: refund ${i + 1}`))
  const warnings: string[] = []

  if (!isKlarnaOrder(order)) {
    fail(`${label}: payment method "${order.payment_method ?? ""}" (${order.payment_method_title ?? "no title"}) is not a Klarna payment method`)
  }
  const status = (order.status ?? "").trim().toLowerCase().replace(/^wc-/, "")
  const pre = mapWooStatus(status, { includeUnpaid: ctx.includeUnpaid, customStatuses: ctx.customStatuses })
  if (pre.action === "skip") fail(`${label}: ${pre.reason}`)

  // --- currency -------------------------------------------------------------
  const currency = clean(order.currency)?.toUpperCase()
  if (!currency) fail(`${label}: the order has no currency`)
  try {
    currencyExponent(currency)
  } catch {
    fail(`${label}: unknown currency "${order.currency}"`)
  }
  const m = (v: string | null | undefined, field: string, required = false) => {
    try {
      return wooMoneyToMinor(v, currency, field, required)
    } catch (e) {
      if (e instanceof WooMoneyError) fail(`${label}: ${e.message}`)
      throw e
    }
  }
  const fmt = (minor: number) => formatMinorUnits(minor, currency)

  // --- taxes ----------------------------------------------------------------
  const rates = new Map<number, WooTaxLine>()
  for (const t of order.tax_lines) if (typeof t.rate_id === "number") rates.set(t.rate_id, t)

  const taxInfo = (taxes: WooLineTax[], total: number, totalTax: number, where: string) => {
    const lines: ImportedTaxLine[] = []
    let rate = 0
    let rateKnown = true
    for (const t of taxes) {
      const amount = m(t.total, `${where} taxes[${t.id}].total`)
      const sub = m(t.subtotal, `${where} taxes[${t.id}].subtotal`)
      if (amount === 0 && sub === 0) continue
      const tl = rates.get(t.id)
      const pct = tl && tl.rate_percent !== null && tl.rate_percent !== undefined && tl.rate_percent !== "" ? Number(tl.rate_percent) : NaN
      if (Number.isFinite(pct)) rate += pct
      else rateKnown = false
      lines.push({
        rate_id: t.id,
        code: clean(tl?.rate_code),
        name: clean(tl?.label),
        rate: Number.isFinite(pct) ? pct : null,
        compound: tl?.compound === true,
        total: amount,
      })
    }
    if (lines.some((l) => l.compound)) warnings.push(`${where}: compound tax rates; tax_rate is the plain sum of the rates`)
    if (lines.length === 0 && totalTax !== 0) rateKnown = false
    if (!rateKnown) {
      // Minor units in, the rate out: tax / net in basis points, then percent.
      const derived = total !== 0 ? basisPointsToPercent(Math.round((totalTax * 100 * BASIS_POINTS_PER_PERCENT) / total)) : 0
      warnings.push(`${where}: tax rate not found in tax_lines; derived ${derived} % from the amounts`)
      return { rate: derived, lines }
    }
    return { rate: Math.round(rate * 10000) / 10000, lines }
  }

  // --- items ----------------------------------------------------------------
  const items: ImportedLineItem[] = order.line_items.map((li) => {
    const where = `line item ${li.id}`
    const quantity = li.quantity
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity <= 0) {
      fail(`${label}: ${where} has quantity ${JSON.stringify(quantity)}`)
    }
    const subtotal = m(li.subtotal, `${where} subtotal`)
    const subtotalTax = m(li.subtotal_tax, `${where} subtotal_tax`)
    const total = m(li.total, `${where} total`, true)
    const totalTax = m(li.total_tax, `${where} total_tax`)
    const gross = subtotal + subtotalTax
    const exact = gross % quantity === 0
    const unitPrice = exact ? gross / quantity : Math.ceil(gross / quantity)
    const discount = unitPrice * quantity - (total + totalTax)
    if (!exact) warnings.push(`${where}: unit price ${fmt(gross)} / ${quantity} is not exact; rounded up, remainder carried in the discount`)
    if (discount < 0) warnings.push(`${where}: total after discount is higher than before discount`)
    const tax = taxInfo(li.taxes, total, totalTax, where)
    const title = clean(li.name) ?? `Item ${li.id}`
    const item: ImportedLineItem = {
      woo_line_id: li.id,
      title,
      product_title: clean(li.parent_name) ?? title,
      quantity,
      unit_price: unitPrice,
      subtotal,
      subtotal_tax: subtotalTax,
      total,
      total_tax: totalTax,
      tax_rate: tax.rate,
      tax_lines: tax.lines,
      discount,
    }
    if (!exact) item.unit_price_rounded = true
    const sku = clean(li.sku)
    if (sku) item.sku = sku
    if (li.product_id) item.product_id = li.product_id
    if (li.variation_id) item.variation_id = li.variation_id
    const options: Record<string, string> = {}
    for (const md of li.meta_data) {
      if (!md || typeof md.key !== "string" || md.key.startsWith("_") || isSensitiveMetaKey(md.key)) continue
      const k = clean(typeof md.display_key === "string" ? md.display_key : md.key)
      const raw = md.display_value !== undefined ? md.display_value : md.value
      const v = typeof raw === "string" ? clean(raw.replace(/<[^>]*>/g, "")) : clean(raw)
      if (k && v && !isSensitiveMetaKey(k)) options[k] = v
    }
    if (Object.keys(options).length) item.options = options
    return item
  })

  // --- shipping, fees, coupons ---------------------------------------------
  const shipping: ImportedShippingLine[] = order.shipping_lines.map((s) => {
    const where = `shipping line ${s.id}`
    const total = m(s.total, `${where} total`)
    const totalTax = m(s.total_tax, `${where} total_tax`)
    const tax = taxInfo(s.taxes, total, totalTax, where)
    return {
      woo_line_id: s.id,
      title: clean(s.method_title) ?? clean(s.method_id) ?? "Shipping",
      method_id: clean(s.method_id),
      instance_id: clean(s.instance_id),
      total,
      total_tax: totalTax,
      tax_rate: tax.rate,
      tax_lines: tax.lines,
    }
  })
  const fees: ImportedFeeLine[] = order.fee_lines.map((f) => {
    const where = `fee line ${f.id}`
    const total = m(f.total, `${where} total`)
    const totalTax = m(f.total_tax, `${where} total_tax`)
    const tax = taxInfo(f.taxes, total, totalTax, where)
    return { woo_line_id: f.id, name: clean(f.name) ?? "Fee", total, total_tax: totalTax, tax_rate: tax.rate, tax_lines: tax.lines }
  })
  const coupons: ImportedCoupon[] = order.coupon_lines.map((c) => ({
    code: clean(c.code) ?? "",
    discount: m(c.discount, `coupon ${c.id} discount`),
    discount_tax: m(c.discount_tax, `coupon ${c.id} discount_tax`),
  }))

  // --- totals and the consistency check ------------------------------------
  const orderTotal = m(order.total, "total", true)
  const linesTotal =
    items.reduce((s, i) => s + i.total + i.total_tax, 0) +
    shipping.reduce((s, l) => s + l.total + l.total_tax, 0) +
    fees.reduce((s, f) => s + f.total + f.total_tax, 0)
  if (linesTotal !== orderTotal) {
    let hint = ""
    const exTax =
      items.reduce((s, i) => s + i.total, 0) + shipping.reduce((s, l) => s + l.total, 0) + fees.reduce((s, f) => s + f.total, 0)
    const rateTaxes = order.tax_lines.reduce(
      (s, t) => s + m(t.tax_total, `tax line ${t.id} tax_total`) + m(t.shipping_tax_total, `tax line ${t.id} shipping_tax_total`),
      0
    )
    if (order.tax_lines.length && exTax + rateTaxes === orderTotal) {
      hint =
        " The tax_lines do add up to the total, so a line's tax differs from its rate's total" +
        " (tax rounded at subtotal level, or a line edited without recalculating the order)."
    }
    fail(
      `${label}: line items, shipping and fees add up to ${fmt(linesTotal)} but the order total is ${fmt(orderTotal)} ` +
        `(difference ${fmt(orderTotal - linesTotal)}); not imported.${hint}`
    )
  }

  // --- refunds --------------------------------------------------------------
  const number = clean(order.number) ?? String(order.id)
  const refunds: ImportedRefund[] = []
  if (fullRefunds) {
    for (const r of fullRefunds) {
      const amount = m(r.amount, `refund ${r.id} amount`, true)
      const items = r.line_items.map((li) => {
        const orig = getMetaString(li.meta_data, "_refunded_item_id")
        return {
          woo_line_id: orig && /^\d+$/.test(orig) ? Number(orig) : null,
          quantity: Math.abs(li.quantity ?? 0),
          total: Math.abs(m(li.total, `refund ${r.id} line ${li.id} total`)),
          total_tax: Math.abs(m(li.total_tax, `refund ${r.id} line ${li.id} total_tax`)),
        }
      })
      refunds.push({
        woo_refund_id: r.id,
        amount: Math.abs(amount),
        reason: clean(r.reason),
        created_at: toUtcIso(r.date_created_gmt, r.date_created, `refund ${r.id} date`, warnings),
        refunded_payment: typeof r.refunded_payment === "boolean" ? r.refunded_payment : null,
        klarna_reference: `${number}|${r.id}`,
        items,
      })
    }
  }
  for (const s of order.refunds) {
    if (refunds.some((r) => r.woo_refund_id === s.id)) continue
    if (fullRefunds) warnings.push(`refund ${s.id} is listed on the order but was not in the refunds given; imported from the order's summary`)
    refunds.push({
      woo_refund_id: s.id,
      amount: Math.abs(m(s.total, `refund ${s.id} total`, true)),
      reason: clean(s.reason),
      created_at: null,
      refunded_payment: null,
      klarna_reference: `${number}|${s.id}`,
      items: [],
    })
  }
  const refundedTotal = refunds.reduce((s, r) => s + r.amount, 0)
  if (refundedTotal > orderTotal) {
    fail(`${label}: refunds add up to ${fmt(refundedTotal)}, more than the order total ${fmt(orderTotal)}; not imported.`)
  }

  // --- status, Klarna ---------------------------------------------------------
  const mapped = mapWooStatus(status, {
    includeUnpaid: ctx.includeUnpaid,
    customStatuses: ctx.customStatuses,
    refundedAmount: refundedTotal,
    orderTotal,
  })
  if (mapped.action === "skip") fail(`${label}: ${mapped.reason}`)
  const medusaStatus: MedusaStatusTarget = { ...mapped.medusa }
  const klarna = extractKlarnaData(order, notes)
  if (!klarna.legacy && !klarna.klarna_order_id && (medusaStatus.payment === "authorized" || medusaStatus.payment === "captured")) {
    medusaStatus.flag_review = true
    medusaStatus.review_reasons = [...(medusaStatus.review_reasons ?? []), "no Klarna order id: order management is not possible"]
  }

  // --- dates, customer, addresses ---------------------------------------------
  const createdAt = toUtcIso(order.date_created_gmt, order.date_created, "date_created", warnings)
  if (!createdAt) fail(`${label}: the order has no valid creation date`)
  const billing = address(order.billing)
  const shippingAddress = address(order.shipping)
  const email = clean(order.billing?.email) ?? clean(getMetaString(order.meta_data, "_shipping_email"))
  if (!email) warnings.push("the order has no e-mail address")
  const phone = clean(order.billing?.phone)
  const customer: ImportedOrderDraft["customer"] = {
    email,
    first_name: clean(order.billing?.first_name),
    last_name: clean(order.billing?.last_name),
  }
  if (phone) customer.phone = phone
  if (order.customer_id) customer.woo_customer_id = order.customer_id

  const shop = normalizeShopUrl(ctx.shopUrl)

  return {
    external_id: `woo:${shop.key}:${order.id}`,
    woo_id: order.id,
    number,
    order_key: clean(order.order_key),
    shop_url: shop.url,
    status,
    currency_code: currency.toLowerCase(),
    created_at: createdAt,
    modified_at: toUtcIso(order.date_modified_gmt, order.date_modified, "date_modified", warnings),
    paid_at: toUtcIso(order.date_paid_gmt, order.date_paid, "date_paid", warnings),
    completed_at: toUtcIso(order.date_completed_gmt, order.date_completed, "date_completed", warnings),
    email,
    customer,
    billing_address: billing,
    shipping_address: shippingAddress,
    customer_note: clean(order.customer_note),
    prices_include_tax: typeof order.prices_include_tax === "boolean" ? order.prices_include_tax : null,
    payment_method_title: clean(order.payment_method_title),
    items,
    shipping,
    fees,
    coupons,
    totals: {
      total: orderTotal,
      total_tax: m(order.total_tax, "total_tax"),
      shipping_total: m(order.shipping_total, "shipping_total"),
      shipping_tax: m(order.shipping_tax, "shipping_tax"),
      discount_total: m(order.discount_total, "discount_total"),
      discount_tax: m(order.discount_tax, "discount_tax"),
      refunded_total: refundedTotal,
    },
    refunds,
    klarna,
    medusa_status: medusaStatus,
    metadata: {
      woocommerce_id: order.id,
      woocommerce_number: number,
      woocommerce_order_key: clean(order.order_key),
      woocommerce_shop_url: shop.url,
    },
    warnings,
  }
}
