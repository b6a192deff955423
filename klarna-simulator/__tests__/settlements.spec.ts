import { cart, om, placeOrder, startHarness, type Harness } from "./support/harness"
import { checkoutBody, complete, createCheckout, kom, kustomApi, startMerchant, type Merchant } from "./support/kustom"

const DAY = 24 * 60 * 60 * 1000
const S = "/settlements/v1"

describe("Settlements API", () => {
  let h: Harness
  let merchant: Merchant
  beforeAll(async () => {
    h = await startHarness({ settlements: { feePercentBp: 290, fixedFeeMinor: 25, payoutDelayDays: 7 } })
    merchant = await startMerchant()
  })
  afterAll(async () => {
    await merchant.close()
    await h.sim.close()
  })
  beforeEach(() => h.sim.reset())

  /** A Klarna order with one capture (and optionally a refund); returns the ids. */
  async function captured(amount: number, opts: { currency?: string; refund?: number; reference?: string } = {}) {
    const body = opts.currency ? cart({ purchase_currency: opts.currency, purchase_country: opts.currency === "EUR" ? "DE" : "SE", locale: opts.currency === "EUR" ? "de-DE" : "sv-SE" }) : cart()
    const orderId = await placeOrder(h, { body })
    const cap = await h.api.post(om(orderId, "/captures"), { captured_amount: amount, reference: opts.reference ?? `capt_${orderId.slice(0, 6)}` })
    expect(cap.status).toBe(201)
    let refundId: string | undefined
    if (opts.refund) {
      const ref = await h.api.post(om(orderId, "/refunds"), { refunded_amount: opts.refund, reference: "ref_medusa_1" })
      expect(ref.status).toBe(201)
      refundId = ref.headers["refund-id"]
    }
    return { orderId, captureId: cap.headers["capture-id"] as string, refundId }
  }

  const payNow = (until?: string) => h.raw.post("/_sim/settlements/payouts", until ? { until } : {})

  it("pays nothing out before the control call, then one payout with SALE, FEE and RETURN rows and totals", async () => {
    const { orderId, captureId, refundId } = await captured(10000, { refund: 2500, reference: "capt_medusa_1" })
    expect((await h.api.get(`${S}/payouts`)).data).toEqual({ payouts: [], pagination: { count: 0, total: 0, offset: 0 } })

    const run = await payNow()
    expect(run.status).toBe(200)
    expect(run.data.count).toBe(1)

    const list = await h.api.get(`${S}/payouts`)
    expect(list.status).toBe(200)
    const [payout] = list.data.payouts
    expect(payout).toMatchObject({
      currency_code: "SEK",
      merchant_settlement_type: "NET",
      merchant_id: "sim",
      // 2.90 % of 10000 = 290, plus a fixed 25
      totals: { sale_amount: 10000, return_amount: 2500, fee_amount: 315, settlement_amount: 10000 - 2500 - 315, commission_amount: 0 },
    })
    expect(payout.payment_reference).toMatch(/^[A-Z2-9]{8}$/)
    expect(payout.transactions).toBe(`${h.sim.url}${S}/transactions?payment_reference=${payout.payment_reference}`)
    expect((await h.api.get(`${S}/payouts/${payout.payment_reference}`)).data).toEqual(payout)

    const tx = (await h.api.get(`${S}/transactions`, { params: { payment_reference: payout.payment_reference } })).data
    expect(tx.pagination).toEqual({ count: 4, total: 4, offset: 0 })
    const rows = tx.transactions.map((t: Record<string, unknown>) => [t.type, t.detailed_type, t.amount, t.capture_id, t.refund_id ?? null])
    expect(rows).toEqual([
      ["SALE", "PURCHASE", 10000, captureId, null],
      ["FEE", "PURCHASE_FEE_PERCENTAGE", 290, captureId, null],
      ["FEE", "PURCHASE_FEE_FIXED", 25, captureId, null],
      ["RETURN", "PURCHASE_RETURN", 2500, "", refundId],
    ])
    expect(tx.transactions[0]).toMatchObject({
      order_id: orderId,
      merchant_capture_reference: "capt_medusa_1",
      currency_code: "SEK",
      purchase_country: "SE",
      payment_reference: payout.payment_reference,
      payout: `${h.sim.url}${S}/payouts/${payout.payment_reference}`,
    })
    expect(tx.transactions[3].merchant_refund_reference).toBe("ref_medusa_1")
  })

  it("rounds the percentage fee half up to whole minor units", async () => {
    await captured(1017) // 1017 × 2.90 % = 29.493 → 29
    await captured(1000, { currency: "EUR" }) // 29.0 → 29
    await payNow()
    const fees = (await h.api.get(`${S}/transactions`)).data.transactions.filter((t: { detailed_type: string }) => t.detailed_type === "PURCHASE_FEE_PERCENTAGE")
    expect(fees.map((t: { amount: number }) => t.amount).sort()).toEqual([29, 29])
    const { data } = await h.api.get(`${S}/transactions`)
    const sek = data.transactions.find((t: { type: string; amount: number }) => t.type === "SALE" && t.amount === 1017)
    expect(sek.currency_code).toBe("SEK")
  })

  it("pays only what is due at `until` (capture date + delay), and never pays a capture twice", async () => {
    await captured(5000)
    const now = Date.now()
    const early = await payNow(new Date(now + 6 * DAY).toISOString())
    expect(early.data.count).toBe(0)
    const due = await payNow(new Date(now + 8 * DAY).toISOString())
    expect(due.data.count).toBe(1)
    expect(due.data.payouts[0].payout_date).toBe(new Date(now + 8 * DAY).toISOString())
    const again = await payNow()
    expect(again.data.count).toBe(0)
    const all = await h.api.get(`${S}/payouts`)
    expect(all.data.payouts).toHaveLength(1)
    expect((await h.api.get(`${S}/transactions`)).data.pagination.total).toBe(3) // SALE + two FEE rows
  })

  it("a later capture goes into a later payout; re-reading gives the same payouts", async () => {
    const first = await captured(3000)
    await payNow()
    const cap2 = await h.api.post(om(first.orderId, "/captures"), { captured_amount: 1000 })
    expect(cap2.status).toBe(201)
    expect((await payNow()).data.count).toBe(1)
    const a = (await h.api.get(`${S}/payouts`)).data
    const b = (await h.api.get(`${S}/payouts`)).data
    expect(a).toEqual(b)
    expect(a.payouts.map((p: { totals: { sale_amount: number } }) => p.totals.sale_amount)).toEqual([3000, 1000])
  })

  it("one payout per currency, filtered by currency_code and payout dates", async () => {
    await captured(4000)
    await captured(6000, { currency: "EUR" })
    const until = "2099-01-01T00:00:00.000Z"
    expect((await payNow(until)).data.count).toBe(2)
    const eur = (await h.api.get(`${S}/payouts`, { params: { currency_code: "eur" } })).data.payouts
    expect(eur).toHaveLength(1)
    expect(eur[0]).toMatchObject({ currency_code: "EUR", totals: { sale_amount: 6000 } })
    expect((await h.api.get(`${S}/payouts`, { params: { start_date: "2098-12-31T00:00:00Z", end_date: "2099-01-01T23:59:59Z" } })).data.payouts).toHaveLength(2)
    expect((await h.api.get(`${S}/payouts`, { params: { start_date: "2099-01-02" } })).data.payouts).toHaveLength(0)
    expect((await h.api.get(`${S}/payouts`, { params: { start_date: "soon" } })).status).toBe(400)
  })

  it("pages with size and offset, with next/prev links keeping the filters", async () => {
    const { orderId } = await captured(1000)
    for (let i = 0; i < 2; i++) expect((await h.api.post(om(orderId, "/refunds"), { refunded_amount: 100 })).status).toBe(201)
    await payNow()
    // SALE, FEE, FEE, RETURN, RETURN
    const p1 = (await h.api.get(`${S}/transactions`, { params: { order_id: orderId, size: 2 } })).data
    expect(p1.pagination).toMatchObject({ count: 2, total: 5, offset: 0 })
    expect(p1.pagination.next).toBe(`${h.sim.url}${S}/transactions?order_id=${orderId}&size=2&offset=2`)
    expect(p1.pagination.prev).toBeUndefined()
    const p3 = (await h.api.get(p1.pagination.next.replace("offset=2", "offset=4"))).data
    expect(p3.pagination).toMatchObject({ count: 1, total: 5, offset: 4, prev: `${h.sim.url}${S}/transactions?order_id=${orderId}&size=2&offset=2` })
    expect(p3.pagination.next).toBeUndefined()
    expect(p3.transactions[0].type).toBe("RETURN")
    expect((await h.api.get(`${S}/transactions`, { params: { size: 501 } })).status).toBe(400)
    expect((await h.api.get(`${S}/transactions`, { params: { offset: -1 } })).status).toBe(400)
    expect((await h.api.get(`${S}/transactions`, { params: { order_id: "other" } })).data.pagination.total).toBe(0)
  })

  it("needs Klarna's credentials and answers 404 for an unknown payout", async () => {
    expect((await h.raw.get(`${S}/payouts`)).status).toBe(401)
    const missing = await h.api.get(`${S}/payouts/NOPE1234`)
    expect(missing.status).toBe(404)
    expect(missing.data.error_code).toBe("NOT_FOUND")
  })

  it("keeps the realms apart: Kustom's orders are paid out by Kustom under /kustom with Kustom's credentials", async () => {
    await captured(2000)
    const kustom = kustomApi(h)
    const checkoutId = await createCheckout(kustom, checkoutBody(merchant.url))
    expect((await complete(h, checkoutId)).data.completed).toBe(true)
    expect((await kustom.post(kom(checkoutId, "/captures"), { captured_amount: 10500, reference: "capt_kustom" })).status).toBe(201)

    expect((await payNow()).data.count).toBe(2) // same currency, two companies
    const klarnaPayouts = (await h.api.get(`${S}/payouts`)).data.payouts
    const kustomPayouts = (await kustom.get(`${S}/payouts`)).data.payouts
    expect(klarnaPayouts.map((p: { totals: { sale_amount: number } }) => p.totals.sale_amount)).toEqual([2000])
    expect(kustomPayouts.map((p: { totals: { sale_amount: number } }) => p.totals.sale_amount)).toEqual([10500])
    expect(kustomPayouts[0].merchant_id).toBe("PM")
    expect(kustomPayouts[0].transactions).toContain(`${h.sim.url}/kustom${S}/transactions?payment_reference=`)

    const kustomTx = (await kustom.get(`${S}/transactions`)).data.transactions
    expect(kustomTx.map((t: { order_id: string }) => t.order_id)).toEqual([checkoutId, checkoutId, checkoutId])
    expect(kustomTx[0].merchant_capture_reference).toBe("capt_kustom")
    // Each realm only sees its own payouts, and only with its own credentials.
    expect((await h.api.get(`${S}/payouts/${kustomPayouts[0].payment_reference}`)).status).toBe(404)
    expect((await kustom.get(`${S}/payouts/${klarnaPayouts[0].payment_reference}`)).status).toBe(404)
    expect((await kustomApi(h, { username: "sim_user", password: "sim_password" }).get(`${S}/payouts`)).status).toBe(401)
  })

  it("settlements paths are logged and take injected faults (429 with Retry-After, 503)", async () => {
    await h.raw.post("/_sim/faults", { path: "/settlements/v1/payouts", status: 429, retry_after: 1, times: 1 })
    await h.raw.post("/_sim/faults", { path: "/kustom/settlements/v1/transactions", status: 503, times: 1 })
    const limited = await h.api.get(`${S}/payouts`)
    expect(limited.status).toBe(429)
    expect(limited.headers["retry-after"]).toBe("1")
    expect(limited.data.error_code).toBe("TOO_MANY_REQUESTS")
    expect((await h.api.get(`${S}/payouts`)).status).toBe(200)
    expect((await kustomApi(h).get(`${S}/transactions`)).status).toBe(503)
    expect((await kustomApi(h).get(`${S}/transactions`)).status).toBe(200)
    const log = (await h.raw.get("/_sim/requests", { params: { path_contains: "settlements" } })).data
    expect(log.map((e: { path: string; status: number }) => [e.path, e.status])).toEqual([
      [`${S}/payouts`, 429],
      [`${S}/payouts`, 200],
      [`/kustom${S}/transactions`, 503],
      [`/kustom${S}/transactions`, 200],
    ])
  })

  it("reset forgets the payouts, and captures can be paid out afresh", async () => {
    await captured(1000)
    await payNow()
    h.sim.reset()
    expect((await h.api.get(`${S}/payouts`)).data.payouts).toEqual([])
    expect((await h.raw.get("/_sim/settlements/payouts")).data).toEqual({ payouts: [], transactions: [] })
  })

  it("refuses an unreadable `until`", async () => {
    const res = await payNow("next week")
    expect(res.status).toBe(400)
    expect(res.data.error_code).toBe("BAD_VALUE")
  })
})

describe("SimulatorOptions.settlements", () => {
  it("uses the defaults (2.90 %, no fixed fee, 7 days)", async () => {
    const h = await startHarness()
    try {
      const orderId = await placeOrder(h)
      await h.api.post(om(orderId, "/captures"), { captured_amount: 10000 })
      const now = Date.now()
      expect((await h.raw.post("/_sim/settlements/payouts", { until: new Date(now + 6.9 * DAY).toISOString() })).data.count).toBe(0)
      const [payout] = (await h.raw.post("/_sim/settlements/payouts", { until: new Date(now + 7.1 * DAY).toISOString() })).data.payouts
      expect(payout.totals).toMatchObject({ sale_amount: 10000, fee_amount: 290, settlement_amount: 9710 })
    } finally {
      await h.sim.close()
    }
  })

  it("refuses a fractional or negative option", async () => {
    await expect(startHarness({ settlements: { feePercentBp: 2.5 } })).rejects.toThrow(/feePercentBp/)
    await expect(startHarness({ settlements: { payoutDelayDays: -1 } })).rejects.toThrow(/payoutDelayDays/)
  })
})
