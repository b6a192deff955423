/**
 * Deterministic generator of realistic WooCommerce orders (SEK, Swedish VAT
 * 25 % / 12 %, prices including tax) for the fake server.
 *
 * All money is computed in integer öre and written as WooCommerce writes it:
 * `dp` fields with 2 decimals, `taxes[]` with raw 6-decimal precision
 * ("25.746429"). Every order is internally consistent —
 *   Σ (line total + total_tax) + shipping (total + total_tax) + Σ fees (total + total_tax) = total,
 *   cart_tax = Σ line taxes + fee taxes, total_tax = cart_tax + shipping_tax,
 *   tax_lines per rate add up, coupon discount = Σ (subtotal − total) —
 * except the `inconsistent` ones, which are deliberately broken (listed in
 * `generateWooDataset(...).inconsistentIds`).
 */
import type { WooFeeLine, WooLineItem, WooMeta, WooOrder, WooShippingLine, WooTaxLine } from "./types"

export type GenerateOptions = {
  /** First order id (default 20001). Ids increase with gaps, shared with refund ids, as in WordPress. */
  startId?: number
  /** Number of deliberately inconsistent orders (default: 2 when n ≥ 50, 1 when n ≥ 20, else 0). */
  inconsistent?: number
  /** GMT creation time of the first order (default "2024-01-02T08:00:00Z"). */
  startDate?: string
}

export type GeneratedDataset = { orders: WooOrder[]; inconsistentIds: number[] }

// --- deterministic randomness ---------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = {
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(xs: readonly T[]) => T
  weighted: <T>(xs: ReadonlyArray<readonly [T, number]>) => T
  chance: (p: number) => boolean
  hex: (n: number) => string
  uuid: () => string
}

function rng(seed: number): Rng {
  const next = mulberry32(seed * 2654435761 + 12345)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[int(0, 15)]).join("")
  return {
    next,
    int,
    pick: (xs) => xs[int(0, xs.length - 1)],
    weighted: (xs) => {
      const sum = xs.reduce((s, [, w]) => s + w, 0)
      let r = next() * sum
      for (const [v, w] of xs) {
        if ((r -= w) < 0) return v
      }
      return xs[xs.length - 1][0]
    },
    chance: (p) => next() < p,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`,
  }
}

// --- money in öre -------------------------------------------------------------

/** Round a non-negative rational num/den half up to an integer (BigInt, exact). */
function divRound(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den)
}

/** öre → "123.45" */
function kr(ore: number): string {
  const neg = ore < 0
  const a = Math.abs(ore)
  return `${neg ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`
}

/** "123.45" → öre, exactly (no float parsing). */
function ore(s: string): number {
  const neg = s.trim().startsWith("-")
  const [i, f = ""] = s.trim().replace(/^[-+]/, "").split(".")
  const v = Number(i) * 100 + Number((f + "00").slice(0, 2))
  return neg ? -v : v
}

/** micro-kronor (10^-6) → WooCommerce raw tax string ("25.746429", "539.1", "599"). */
function rawKr(micro: bigint): string {
  const neg = micro < 0n
  const a = neg ? -micro : micro
  const int = a / 1000000n
  const frac = (a % 1000000n).toString().padStart(6, "0").replace(/0+$/, "")
  return `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`
}

/** Tax contained in a tax-inclusive gross amount: raw (micro-kronor) and rounded (öre). */
function taxOf(grossOre: number, ratePct: number): { raw: bigint; ore: number } {
  const raw = divRound(BigInt(grossOre) * 10000n * BigInt(ratePct), BigInt(100 + ratePct))
  const ore = Number(divRound(raw, 10000n))
  return { raw, ore }
}

// --- catalogue ----------------------------------------------------------------

type Product = {
  name: string
  parent?: string
  productId: number
  variationId?: number
  sku: string
  gross: number // öre, incl. VAT
  reduced: boolean // 12 % (reducerad-moms) else 25 %
  attr?: { key: string; display_key: string; value: string; display_value: string }
}

const PRODUCTS: Product[] = [
  { name: "Moccamaster KBG Select - Svart", parent: "Moccamaster KBG Select", productId: 5120, variationId: 5124, sku: "MM-KBG-SVART", gross: 299500, reduced: false, attr: { key: "pa_farg", display_key: "Färg", value: "svart", display_value: "Svart" } },
  { name: "Moccamaster KBG Select - Vit", parent: "Moccamaster KBG Select", productId: 5120, variationId: 5125, sku: "MM-KBG-VIT", gross: 299500, reduced: false, attr: { key: "pa_farg", display_key: "Färg", value: "vit", display_value: "Vit" } },
  { name: "Ekologiskt kaffe Mellanrost 450 g", productId: 4471, sku: "KAFFE-MR-450", gross: 8900, reduced: true },
  { name: "Linneduk Natur 150x250", productId: 6302, sku: "LIN-DUK-150250", gross: 44900, reduced: false },
  { name: "Honung från Gotland 500 g", productId: 7110, sku: "HON-GOT-500", gross: 11900, reduced: true },
  { name: "Kökshandduk 2-pack", productId: 6120, sku: "KH-2PACK", gross: 14900, reduced: false },
  { name: "Knäckebröd Råg 520 g", productId: 2210, sku: "KNACK-RAG-520", gross: 3490, reduced: true },
  { name: "Termos 1 l Stål", productId: 6610, sku: "TERMOS-1L", gross: 34900, reduced: false },
  { name: "Keramikmugg - Blå", parent: "Keramikmugg", productId: 6920, variationId: 6923, sku: "MUGG-BLA", gross: 17900, reduced: false, attr: { key: "pa_farg", display_key: "Färg", value: "bla", display_value: "Blå" } },
  { name: "Olivolja Extra Virgin 500 ml", productId: 7301, sku: "OLJA-EV-500", gross: 12950, reduced: true },
  { name: "Ullfilt Grå 130x170", productId: 6801, sku: "ULL-GRA-130170", gross: 89900, reduced: false },
  { name: "Choklad Mörk 70 % 100 g", productId: 7410, sku: "CHOK-70-100", gross: 3995, reduced: true },
  { name: "Te Earl Grey 100 g", productId: 7520, sku: "TE-EG-100", gross: 6666, reduced: true },
  { name: "Skärbräda Ek 40 cm", productId: 6150, sku: "SKAR-EK-40", gross: 59900, reduced: false },
]

const FIRST = ["Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Sara", "Anders", "Eva", "Per", "Linnéa", "Oskar", "Åsa", "Björn", "Ingrid", "Mikael"]
const LAST = ["Lindqvist", "Johansson", "Svensson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Öberg", "Åkesson"]
const PLACES: Array<[string, string, string]> = [
  ["Stockholm", "114 51", "Storgatan"],
  ["Göteborg", "411 19", "Kungsgatan"],
  ["Malmö", "211 22", "Södra Förstadsgatan"],
  ["Uppsala", "753 10", "Drottninggatan"],
  ["Umeå", "903 26", "Rådhusesplanaden"],
  ["Visby", "621 57", "Adelsgatan"],
  ["Lund", "222 21", "Clemenstorget"],
  ["Örebro", "702 10", "Järntorgsgatan"],
]
const AGENTS = ["Mozilla/5.0 (iPhone…)", "Mozilla/5.0 (Windows…)", "Mozilla/5.0 (Macintosh…)", "Mozilla/5.0 (Linux; Android…)"]

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()

// --- time (Europe/Stockholm: CET/CEST) -----------------------------------------

function lastSundayUtc(year: number, month: number): number {
  const d = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0)) // last day of month, 01:00 UTC
  d.setUTCDate(d.getUTCDate() - d.getUTCDay())
  return d.getTime()
}

function stockholmOffsetMs(t: number): number {
  const y = new Date(t).getUTCFullYear()
  return t >= lastSundayUtc(y, 2) && t < lastSundayUtc(y, 9) ? 2 * 3600_000 : 3600_000
}

function wooDates(t: number): { local: string; gmt: string } {
  return {
    gmt: new Date(t).toISOString().slice(0, 19),
    local: new Date(t + stockholmOffsetMs(t)).toISOString().slice(0, 19),
  }
}

// --- generator -------------------------------------------------------------

type Method = "kco" | "klarna_payments" | "bacs" | "stripe" | "klarna_invoice"
type Status = "processing" | "completed" | "cancelled" | "refunded" | "on-hold" | "pending"

const METHODS: ReadonlyArray<readonly [Method, number]> = [
  ["kco", 42],
  ["klarna_payments", 32],
  ["bacs", 10],
  ["stripe", 12],
  ["klarna_invoice", 4],
]
const STATUSES: ReadonlyArray<readonly [Status, number]> = [
  ["processing", 28],
  ["completed", 38],
  ["cancelled", 8],
  ["refunded", 6],
  ["on-hold", 8],
  ["pending", 12],
]
const KP_METHODS: ReadonlyArray<readonly [string, number]> = [
  ["Betala senare", 55],
  ["Dela upp betalningen", 30],
  ["Betala nu", 15],
]

export function generateWooDataset(n: number, seed = 1, options: GenerateOptions = {}): GeneratedDataset {
  if (!Number.isInteger(n) || n < 0) throw new Error(`generateWooOrders: n must be a non-negative integer (got ${n})`)
  const r = rng(seed)
  let nextId = options.startId ?? 20001
  let lineId = nextId * 10
  let metaId = nextId * 40
  const takeId = () => {
    const id = nextId
    nextId += 1 + r.int(0, 2)
    return id
  }
  let t = Date.parse(options.startDate ?? "2024-01-02T08:00:00Z")
  const orders: WooOrder[] = []

  for (let i = 0; i < n; i++) {
    t += r.int(20, 360) * 60_000
    const id = takeId()
    const method = r.weighted(METHODS)
    const status: Status = method === "klarna_invoice" ? r.pick(["completed", "completed", "refunded"] as const) : r.weighted(STATUSES)
    const isKlarna = method === "kco" || method === "klarna_payments"
    const paid = status !== "pending" && !(status === "on-hold" && method === "kco")
    const meta: WooMeta[] = []
    const addMeta = (key: string, value: unknown) => meta.push({ id: ++metaId, key, value })

    // Customer.
    const first = r.pick(FIRST)
    const last = r.pick(LAST)
    const [city, postcode, street] = r.pick(PLACES)
    const email = `${ascii(first)}.${ascii(last)}${r.int(1, 99)}@example.se`
    const phone = `+4670${r.int(1000000, 9999999)}`
    const company = r.chance(0.1) ? `${last} ${r.pick(["AB", "HB", "& Co"])}` : ""
    const address = { first_name: first, last_name: last, company, address_1: `${street} ${r.int(1, 80)}`, address_2: r.chance(0.2) ? `lgh ${r.int(1001, 1402)}` : "", city, state: "", postcode, country: "SE", phone }

    // Lines.
    const coupon = r.chance(0.25) ? r.pick([{ code: "valkommen10", pct: 10, id: 3120 }, { code: "sommar15", pct: 15, id: 3188 }] as const) : undefined
    const lineCount = r.int(1, 4)
    const chosen = new Set<number>()
    const items: WooLineItem[] = []
    const taxByRate = new Map<number, { items: number; shipping: number }>()
    const rateOf = (reduced: boolean) => (reduced ? 2 : 1)
    const addRateTax = (rate: number, items: number, shipping: number) => {
      const e = taxByRate.get(rate) ?? { items: 0, shipping: 0 }
      e.items += items
      e.shipping += shipping
      taxByRate.set(rate, e)
    }
    let grossItems = 0
    let discountEx = 0
    let discountTax = 0
    let cartTax = 0
    for (let k = 0; k < lineCount; k++) {
      let p = r.int(0, PRODUCTS.length - 1)
      while (chosen.has(p)) p = (p + 1) % PRODUCTS.length
      chosen.add(p)
      const prod = PRODUCTS[p]
      const qty = r.weighted([[1, 60], [2, 25], [3, 15]] as const)
      const pct = prod.reduced ? 12 : 25
      const G = prod.gross * qty
      const d = coupon ? Math.round((G * coupon.pct) / 100) : 0
      const after = G - d
      const sub = taxOf(G, pct)
      const tot = taxOf(after, pct)
      const item: WooLineItem = {
        id: ++lineId,
        name: prod.name,
        product_id: prod.productId,
        variation_id: prod.variationId ?? 0,
        quantity: qty,
        tax_class: prod.reduced ? "reducerad-moms" : "",
        subtotal: kr(G - sub.ore),
        subtotal_tax: kr(sub.ore),
        total: kr(after - tot.ore),
        total_tax: kr(tot.ore),
        taxes: [{ id: rateOf(prod.reduced), total: rawKr(tot.raw), subtotal: rawKr(sub.raw) }],
        meta_data: prod.attr ? [{ id: ++metaId, key: prod.attr.key, value: prod.attr.value, display_key: prod.attr.display_key, display_value: prod.attr.display_value }] : [],
        sku: prod.sku,
        price: (after - tot.ore) / 100 / qty,
        parent_name: prod.parent ?? null,
      }
      items.push(item)
      grossItems += after
      discountEx += G - sub.ore - (after - tot.ore)
      discountTax += sub.ore - tot.ore
      cartTax += tot.ore
      addRateTax(rateOf(prod.reduced), tot.ore, 0)
    }

    // Shipping (25 % VAT), free above 1 000 kr.
    const ship =
      grossItems >= 100000
        ? { title: "Fri frakt", method: "free_shipping", instance: "2", gross: 0 }
        : r.pick([
            { title: "PostNord MyPack Collect", method: "flat_rate", instance: "4", gross: 5900 },
            { title: "Budbee Hemleverans", method: "flat_rate", instance: "7", gross: 7900 },
            { title: "Instabox", method: "flat_rate", instance: "9", gross: 4900 },
          ])
    const shipTax = taxOf(ship.gross, 25)
    const shippingLine: WooShippingLine = {
      id: ++lineId,
      method_title: ship.title,
      method_id: ship.method,
      instance_id: ship.instance,
      total: kr(ship.gross - shipTax.ore),
      total_tax: kr(shipTax.ore),
      taxes: ship.gross ? [{ id: 1, total: rawKr(shipTax.raw), subtotal: "" }] : [],
      meta_data: [{ id: ++metaId, key: "Artiklar", value: items.map((it) => `${it.name} &times; ${it.quantity}`).join(", ") }],
    }
    if (ship.gross) addRateTax(1, 0, shipTax.ore)

    // Fees (25 % VAT).
    const fees: WooFeeLine[] = []
    let grossFees = 0
    if (r.chance(0.15)) {
      const fee = r.pick([{ name: "Presentinslagning", gross: 3900 }, { name: "Expresshantering", gross: 4900 }])
      const ft = taxOf(fee.gross, 25)
      fees.push({
        id: ++lineId,
        name: fee.name,
        tax_class: "",
        tax_status: "taxable",
        amount: rawKr(BigInt(fee.gross - ft.ore) * 10000n),
        total: kr(fee.gross - ft.ore),
        total_tax: kr(ft.ore),
        taxes: [{ id: 1, total: rawKr(ft.raw), subtotal: "" }],
        meta_data: [],
      })
      grossFees += fee.gross
      cartTax += ft.ore
      addRateTax(1, ft.ore, 0)
    }

    const total = grossItems + ship.gross + grossFees
    let taxLineId = lineId + 100
    const taxLines: WooTaxLine[] = [...taxByRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([rate, v]) => ({
        id: ++taxLineId,
        rate_code: rate === 1 ? "SE-MOMS 25%-1" : "SE-MOMS 12%-1",
        rate_id: rate,
        label: rate === 1 ? "Moms 25%" : "Moms 12%",
        compound: false,
        tax_total: kr(v.items),
        shipping_tax_total: kr(v.shipping),
        rate_percent: rate === 1 ? 25 : 12,
        meta_data: [],
      }))
    lineId = taxLineId

    // Dates.
    const created = wooDates(t)
    const paidAt = wooDates(t + r.int(30, 120) * 1000)
    const doneAt = wooDates(t + r.int(1, 5) * 86_400_000 + r.int(0, 36_000) * 1000)
    const finished = status === "completed" || status === "refunded"
    const modified = finished || status === "cancelled" ? doneAt : paidAt

    // Payment method specifics.
    const klarnaId = r.uuid()
    let transactionId = ""
    let title = ""
    const env = r.chance(0.1) ? "test" : "live"
    if (method === "kco") {
      title = r.chance(0.3) ? "Kustom" : "Klarna"
      if (status !== "pending") {
        addMeta("_wc_klarna_checkout_flow", r.chance(0.8) ? "embedded" : "redirect")
        addMeta("_wc_klarna_order_id", klarnaId)
        addMeta("_kco_recurring_order", "no")
        addMeta("_wc_klarna_environment", env)
        addMeta("_wc_klarna_country", "SE")
        addMeta("_shipping_email", email)
        if (paid) transactionId = klarnaId
      }
    } else if (method === "klarna_payments") {
      const kp = r.weighted(KP_METHODS)
      title = `Klarna - ${kp}`
      addMeta("_kp_session_id", r.uuid())
      if (status !== "pending") {
        addMeta("_wc_klarna_environment", env)
        addMeta("_wc_klarna_country", r.chance(0.1) ? "EU" : "SE")
        addMeta("_wc_klarna_order_id", klarnaId)
        addMeta("_kp_payment_method", kp)
        addMeta("_krokedil_environment_info", { php_version: "8.2.28", wc_version: "9.8.5", wp_version: "6.8.1", plugin_version: "4.1.2" })
        if (paid) transactionId = klarnaId
      }
    } else if (method === "stripe") {
      title = "Kort"
      if (paid) {
        transactionId = `pi_3${r.hex(23)}`
        addMeta("_stripe_intent_id", transactionId)
        addMeta("_stripe_charge_captured", finished ? "yes" : "no")
      }
    } else if (method === "bacs") {
      title = "Direkt bankbetalning"
    } else {
      title = "Klarna Faktura"
      const invoice = String(r.int(900000000, 999999999))
      transactionId = invoice
      addMeta("_klarna_order_reservation", String(r.int(3300000000, 3399999999)))
      addMeta("_klarna_invoice_number", invoice)
      addMeta("_klarna_api", "v2")
      addMeta("_klarna_credentials_country", "SE")
      addMeta("_klarna_order_activated", "yes")
    }
    if (isKlarna && finished) addMeta("_wc_klarna_capture_id", r.uuid())
    if (isKlarna && status === "cancelled") addMeta("_wc_klarna_cancelled", "yes")

    // Refunds: full for "refunded", partial for ~20 % of completed orders.
    const refunds: WooOrder["refunds"] = []
    if (status === "refunded") refunds.push({ id: takeId(), reason: "Full återbetalning", total: `-${kr(total)}` })
    else if (status === "completed" && r.chance(0.2)) {
      const it = items[0]
      const unitGross = Math.floor((ore(it.total) + ore(it.total_tax)) / it.quantity)
      refunds.push({ id: takeId(), reason: r.pick(["Retur", "Skadad vara", ""]), total: `-${kr(Math.min(unitGross, total))}` })
    }

    const coupons = coupon
      ? [{ id: ++lineId, code: coupon.code, discount: kr(discountEx), discount_tax: kr(discountTax), meta_data: [{ id: ++metaId, key: "coupon_info", value: `[${coupon.id},"${coupon.code}","percent",${coupon.pct}]` }] }]
      : []

    const guest = r.chance(0.4)
    orders.push({
      id,
      parent_id: 0,
      number: String(id),
      order_key: `wc_order_${r.hex(13)}`,
      created_via: "checkout",
      version: "9.8.5",
      status,
      currency: "SEK",
      currency_symbol: "kr",
      date_created: created.local,
      date_created_gmt: created.gmt,
      date_modified: modified.local,
      date_modified_gmt: modified.gmt,
      discount_total: kr(discountEx),
      discount_tax: kr(discountTax),
      shipping_total: shippingLine.total,
      shipping_tax: shippingLine.total_tax,
      cart_tax: kr(cartTax),
      total: kr(total),
      total_tax: kr(cartTax + shipTax.ore),
      prices_include_tax: true,
      customer_id: guest ? 0 : 1000 + r.int(1, 4000),
      customer_ip_address: `192.0.2.${r.int(1, 254)}`,
      customer_user_agent: r.pick(AGENTS),
      customer_note: r.chance(0.1) ? "Lämna vid dörren om ingen är hemma." : "",
      billing: { ...address, email },
      shipping: { ...address },
      payment_method: method,
      payment_method_title: title,
      transaction_id: transactionId,
      date_paid: paid ? paidAt.local : null,
      date_paid_gmt: paid ? paidAt.gmt : null,
      date_completed: finished ? doneAt.local : null,
      date_completed_gmt: finished ? doneAt.gmt : null,
      cart_hash: r.hex(32),
      meta_data: meta,
      line_items: items,
      tax_lines: taxLines,
      shipping_lines: [shippingLine],
      fee_lines: fees,
      coupon_lines: coupons,
      refunds,
      is_editable: status === "pending" || status === "on-hold",
      needs_payment: status === "pending",
      needs_processing: true,
    })
  }

  // Deliberately inconsistent orders: current-plugin Klarna orders that would be imported.
  const wanted = options.inconsistent ?? (n >= 50 ? 2 : n >= 20 ? 1 : 0)
  const candidates = orders.filter((o) => (o.payment_method === "kco" || o.payment_method === "klarna_payments") && (o.status === "processing" || o.status === "completed") && o.refunds.length === 0)
  const inconsistentIds: number[] = []
  for (let k = 0; k < wanted && candidates.length; k++) {
    const o = candidates.splice(r.int(0, candidates.length - 1), 1)[0]
    if (k % 2 === 0) {
      // The order total was edited by hand / by a plugin without recalculating the lines.
      o.total = kr(ore(o.total) + 1000)
    } else {
      // A line's tax was changed without recalculating the order.
      const li = o.line_items[0]
      li.total_tax = kr(ore(li.total_tax) + 1)
    }
    inconsistentIds.push(o.id)
  }
  return { orders, inconsistentIds }
}

/** `n` consistent-by-construction orders (plus the default deliberately inconsistent ones); same seed, same orders. */
export function generateWooOrders(n: number, seed = 1, options: GenerateOptions = {}): WooOrder[] {
  return generateWooDataset(n, seed, options).orders
}
