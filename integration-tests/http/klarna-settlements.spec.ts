import { execFileSync } from "node:child_process"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, placeKustomOrder } from "../helpers/checkout"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

// Kustom calls this app back (validation, push): it listens on a known port, named in its public URL.
const port = Number(
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString()
)
const previousEnv: Record<string, string | undefined> = {
  PORT: process.env.PORT,
  KUSTOM_BACKEND_URL: process.env.KUSTOM_BACKEND_URL,
  KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS: process.env.KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS,
  KLARNA_SETTLEMENTS_PAGE_SIZE: process.env.KLARNA_SETTLEMENTS_PAGE_SIZE,
}
process.env.PORT = String(port)
process.env.KUSTOM_BACKEND_URL = `http://127.0.0.1:${port}`
// Read by medusa-config.ts when the app under test boots: small pages (paging is exercised on every
// read) and captures overdue as soon as they are not in a payout.
process.env.KLARNA_SETTLEMENTS_OVERDUE_AFTER_DAYS = "0"
process.env.KLARNA_SETTLEMENTS_PAGE_SIZE = "2"
afterAll(() => {
  for (const [key, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
      // The simulator outlives each test's database: pay out whatever earlier tests left, so this
      // test's payouts hold its own orders only (and are read with `from` = their date).
      await sim.payout()
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const post = (path: string, body: unknown) => api.post(path, body, admin).catch((e) => e.response)
    const get = (path: string) => api.get(path, admin).catch((e) => e.response)
    const om = () => getContainer().resolve("klarnaOrderManagement") as any
    const settlements = () => getContainer().resolve("klarnaSettlements") as any

    async function capturedOrder(quantity = 1) {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity }])
      expect((await post(`/admin/payments/${placed.payment.id}/capture`, {})).status).toBe(200)
      return placed
    }

    /** Pays out now and answers the payouts made (this test's, after the flush in beforeEach). */
    async function payOut(until?: string) {
      const { payouts } = await sim.payout(until)
      return payouts
    }

    async function sync(from: string, to?: string) {
      const res = await post(`/admin/klarna/settlements/sync`, to ? { from, to } : { from })
      expect(res.status).toBe(200)
      return res.data
    }

    const attention = async () => (await get(`/admin/klarna/attention?limit=200`)).data.events.filter((e: any) => e.action === "settlement")

    it("a captured and refunded order: the payout is stored with its fees, each row matched to the order, capture and refund", async () => {
      const placed = await capturedOrder(2) // 647,00 SEK incl. shipping
      expect((await post(`/admin/payments/${placed.payment.id}/refund`, { amount: 100 })).status).toBe(200)
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      const captureId = payment.captures[0].id
      const refundId = payment.refunds[0].id
      const [klarnaPayout] = (await payOut()).filter((p) => p.realm === "klarna")

      const result = await sync(klarnaPayout.payout_date)
      expect(result.connections).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ connection: "pp_klarna_klarna", payouts: 1, transactions: 3, matched: 2, attached: 1, unmatched: 0, amount_differs: 0 }),
        ])
      )

      const list = await get(`/admin/klarna/settlements/payouts`)
      expect(list.status).toBe(200)
      const payout = list.data.payouts.find((p: any) => p.payment_reference === klarnaPayout.payment_reference)
      expect(payout).toEqual(
        expect.objectContaining({
          connection: "pp_klarna_klarna",
          brand: "klarna",
          currency_code: "SEK",
          sale_amount_minor: 64700,
          return_amount_minor: 10000,
          fee_amount_minor: 1876, // 2.9 % of 647,00, rounded half up
          settlement_amount_minor: 64700 - 10000 - 1876,
          transaction_count: 3,
          matched_count: 2,
          unmatched_count: 0,
        })
      )

      const detail = await get(`/admin/klarna/settlements/payouts/${payout.id}`)
      expect(detail.status).toBe(200)
      const byType = Object.fromEntries(detail.data.payout.transactions.map((t: any) => [t.type, t]))
      expect(byType.SALE).toEqual(
        expect.objectContaining({
          match_state: "matched",
          medusa_order_id: placed.order.id,
          medusa_order_display_id: String(placed.order.display_id),
          medusa_capture_id: captureId,
          amount_minor: 64700,
          fee_amount_minor: 1876,
        })
      )
      expect(byType.RETURN).toEqual(expect.objectContaining({ match_state: "matched", medusa_refund_id: refundId, amount_minor: 10000 }))
      expect(byType.FEE).toEqual(expect.objectContaining({ match_state: "attached", medusa_capture_id: captureId, amount_minor: 1876 }))

      const ofOrder = await get(`/admin/klarna/orders/${placed.order.id}/settlements`)
      expect(ofOrder.status).toBe(200)
      expect(ofOrder.data.payouts).toEqual([
        expect.objectContaining({
          payment_reference: klarnaPayout.payment_reference,
          order_sale_amount_minor: 64700,
          order_return_amount_minor: 10000,
          order_fee_amount_minor: 1876,
        }),
      ])
      expect(await attention()).toEqual([])
    })

    it("syncing the same payouts twice keeps the same rows and the same attention entries", async () => {
      await capturedOrder()
      const portalOnly = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      await sim.portalCapture(portalOnly.klarna_order_id)
      const [klarnaPayout] = (await payOut()).filter((p) => p.realm === "klarna")

      await sync(klarnaPayout.payout_date)
      const rowsOnce = await settlements().listKlarnaSettlementTransactions({}, { order: { id: "ASC" } })
      const payoutsOnce = await settlements().listKlarnaPayouts({})
      const attentionOnce = await attention()

      await sync(klarnaPayout.payout_date)
      const rowsTwice = await settlements().listKlarnaSettlementTransactions({}, { order: { id: "ASC" } })
      expect(rowsTwice.map((r: any) => [r.id, r.transaction_key, r.match_state])).toEqual(rowsOnce.map((r: any) => [r.id, r.transaction_key, r.match_state]))
      expect(rowsTwice).toHaveLength(4) // 2 × (SALE + FEE)
      expect((await settlements().listKlarnaPayouts({})).map((p: any) => p.id)).toEqual(payoutsOnce.map((p: any) => p.id))
      const attentionTwice = await attention()
      expect(attentionOnce).toHaveLength(1)
      expect(attentionTwice.map((e: any) => [e.id, e.attempts])).toEqual(attentionOnce.map((e: any) => [e.id, e.attempts]))
      const entries = await om().listKlarnaEvents({ action: "settlement" })
      expect(entries).toHaveLength(1)
    })

    it("a capture made in Klarna's portal only is an unmatched sale on the attention list, until Medusa records it", async () => {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      const captured = await sim.portalCapture(placed.klarna_order_id)
      const [klarnaPayout] = (await payOut()).filter((p) => p.realm === "klarna")

      const result = await sync(klarnaPayout.payout_date)
      expect(result.connections.find((c: any) => c.connection === "pp_klarna_klarna")).toEqual(expect.objectContaining({ unmatched: 1, matched: 0 }))
      const [sale] = await settlements().listKlarnaSettlementTransactions({ type: "SALE" })
      expect(sale).toEqual(expect.objectContaining({ match_state: "unmatched", medusa_order_id: placed.order.id, medusa_capture_id: null }))
      const [payout] = (await get(`/admin/klarna/settlements/payouts`)).data.payouts
      expect(payout).toEqual(expect.objectContaining({ matched_count: 0, unmatched_count: 1 }))

      const listed = await attention()
      expect(listed).toEqual([
        expect.objectContaining({
          order_id: placed.order.id,
          display_id: placed.order.display_id,
          outcome: "needs_attention",
          klarna_order_id: placed.klarna_order_id,
          klarna_reference: klarnaPayout.payment_reference,
          operation_key: expect.stringMatching(new RegExp(`^settlement:pp_klarna_klarna:${klarnaPayout.payment_reference}:[0-9a-f]{32}-0$`)),
        }),
      ])
      expect(listed[0].message).toContain("that Medusa has no capture for")
      expect(listed[0].message).toContain(captured.capture_id ?? "")

      // The order's Klarna sync adopts the portal capture into Medusa; the next settlement sync matches the stored row.
      expect((await post(`/admin/klarna/orders/${placed.order.id}/sync`, {})).status).toBe(200)
      const adopted = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(adopted.captures).toHaveLength(1)
      await sync(klarnaPayout.payout_date)
      const [rematched] = await settlements().listKlarnaSettlementTransactions({ type: "SALE" })
      expect(rematched).toEqual(expect.objectContaining({ id: sale.id, match_state: "matched", medusa_capture_id: adopted.captures[0].id }))
      expect(await attention()).toEqual([])
      const [entry] = await om().listKlarnaEvents({ action: "settlement" })
      expect(entry).toEqual(expect.objectContaining({ outcome: "succeeded", attention: false }))
    })

    it("a Medusa capture not paid out after N days is on the attention list until a payout pays it", async () => {
      const placed = await capturedOrder()
      const captureId = (await klarnaPaymentOf(getContainer(), placed.order.id)).captures[0].id
      const now = new Date().toISOString()
      expect(await payOut(now)).toEqual([]) // Klarna pays out 7 days after the capture: nothing yet

      // Nothing to read up to now (the payouts so far are dated later); the overdue check still runs.
      await sync(now, now)
      const listed = await attention()
      expect(listed).toEqual([
        expect.objectContaining({ order_id: placed.order.id, operation_key: `settlement-overdue:${captureId}`, outcome: "needs_attention", amount_minor: 34800 }),
      ])
      expect(listed[0].message).toMatch(/^Klarna has not paid out the capture of 348,00 SEK \(capt_\w+\) 0 days after it was captured/)
      await sync(now, now)
      expect((await attention()).map((e: any) => e.id)).toEqual(listed.map((e: any) => e.id))

      const [klarnaPayout] = (await payOut()).filter((p) => p.realm === "klarna")
      await sync(klarnaPayout.payout_date)
      expect(await attention()).toEqual([])
      const [entry] = await om().listKlarnaEvents({ operation_key: `settlement-overdue:${captureId}` })
      expect(entry).toEqual(expect.objectContaining({ outcome: "succeeded", attention: false }))
    })

    it("reads every page of payouts and transactions (page size 2)", async () => {
      const placed = [await capturedOrder(), await capturedOrder(), await capturedOrder()]
      const [first] = (await payOut()).filter((p) => p.realm === "klarna")
      await capturedOrder()
      await payOut()
      await capturedOrder()
      await payOut()
      await sim.clearRequests()

      const result = await sync(first.payout_date)
      expect(result.connections.find((c: any) => c.connection === "pp_klarna_klarna")).toEqual(
        expect.objectContaining({ payouts: 3, transactions: 10, matched: 5, attached: 5, unmatched: 0 })
      )
      const payoutReads = (await sim.requests("/settlements/v1/payouts")).filter((r: any) => !r.path.startsWith("/kustom"))
      expect(payoutReads.map((r: any) => new URL(r.path, "http://x").searchParams.get("offset"))).toEqual(["0", "2"])
      const firstPayoutReads = (await sim.requests(`payment_reference=${first.payment_reference}`)).map((r: any) => new URL(r.path, "http://x").searchParams.get("offset"))
      expect(firstPayoutReads).toEqual(["0", "2", "4"]) // 6 rows: 3 sales, 3 fees
      const rows = await settlements().listKlarnaSettlementTransactions({ payment_reference: first.payment_reference, type: "SALE" })
      expect(rows.map((r: any) => r.medusa_order_id).sort()).toEqual(placed.map((p) => p.order.id).sort())
    })

    it("exports a payout as CSV: a header and one line per transaction with the Medusa order number, amounts in major units", async () => {
      const placed = await capturedOrder(2)
      const [klarnaPayout] = (await payOut()).filter((p) => p.realm === "klarna")
      await sync(klarnaPayout.payout_date)
      const [payout] = (await get(`/admin/klarna/settlements/payouts`)).data.payouts

      const res = await get(`/admin/klarna/settlements/payouts/${payout.id}/csv`)
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toMatch(/^text\/csv/)
      expect(res.headers["content-disposition"]).toBe(`attachment; filename="klarna-payout-${klarnaPayout.payment_reference}.csv"`)
      const lines = (res.data as string).split("\r\n").filter(Boolean).map((l) => l.split(","))
      const header = lines[0]
      expect(header.slice(0, 8)).toEqual([
        "payout_reference",
        "payout_date",
        "currency_code",
        "type",
        "detailed_type",
        "klarna_order_id",
        "medusa_order_id",
        "medusa_order_display_id",
      ])
      expect(lines).toHaveLength(3)
      const col = (line: string[], name: string) => line[header.indexOf(name)]
      const sale = lines.find((l) => col(l, "type") === "SALE")!
      const fee = lines.find((l) => col(l, "type") === "FEE")!
      expect(col(sale, "medusa_order_display_id")).toBe(String(placed.order.display_id))
      expect(col(sale, "payout_reference")).toBe(klarnaPayout.payment_reference)
      expect(col(sale, "amount")).toBe("647.00")
      expect(col(sale, "fee_amount")).toBe("18.76")
      expect(col(sale, "match_state")).toBe("matched")
      expect(col(fee, "amount")).toBe("18.76")
      expect(col(fee, "medusa_order_display_id")).toBe(String(placed.order.display_id))
    })

    it("refuses bad input with 400 and an unknown payout with 404", async () => {
      for (const body of [{ from: "yesterday" }, { from: "2026-13-40" }, { from: "2026-02-01", to: "2026-01-01" }, { since: "2026-01-01" }, { from: 20260101 }]) {
        const res = await post(`/admin/klarna/settlements/sync`, body)
        expect([res.status, body]).toEqual([400, body])
      }
      expect((await get(`/admin/klarna/settlements/payouts?limit=0`)).status).toBe(400)
      expect((await get(`/admin/klarna/settlements/payouts?offset=-1`)).status).toBe(400)
      expect((await get(`/admin/klarna/settlements/payouts?connection=pp_klarna_klarna%00`)).status).toBe(400)
      const missing = await get(`/admin/klarna/settlements/payouts/kpay_missing`)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("Klarna payout kpay_missing was not found. Sync the settlements first.")
      expect((await get(`/admin/klarna/settlements/payouts/kpay_missing/csv`)).status).toBe(404)
      expect(await settlements().listKlarnaPayouts({})).toEqual([])
    })

    it("reads the Kustom connection's payouts from Kustom's Settlements API and matches its Klarna Checkout orders", async () => {
      const placed = await placeKustomOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      expect((await post(`/admin/payments/${placed.payment.id}/capture`, {})).status).toBe(200)
      const [kustomPayout] = (await payOut()).filter((p) => p.realm === "kustom")
      expect(kustomPayout).toBeDefined()
      await sim.clearRequests()

      const result = await sync(kustomPayout.payout_date)
      expect(result.connections.find((c: any) => c.connection === "pp_kustom_kustom")).toEqual(expect.objectContaining({ payouts: 1, matched: 1 }))
      const kustomReads = await sim.requests("/kustom/settlements/v1/")
      expect(kustomReads.some((r: any) => r.path.startsWith("/kustom/settlements/v1/payouts"))).toBe(true)
      expect(kustomReads.some((r: any) => r.path.includes(`payment_reference=${kustomPayout.payment_reference}`))).toBe(true)

      const { payouts } = (await get(`/admin/klarna/settlements/payouts?connection=pp_kustom_kustom`)).data
      expect(payouts).toEqual([expect.objectContaining({ brand: "kustom", payment_reference: kustomPayout.payment_reference, matched_count: 1 })])
      const [sale] = await settlements().listKlarnaSettlementTransactions({ connection: "pp_kustom_kustom", type: "SALE" })
      expect(sale).toEqual(expect.objectContaining({ medusa_order_id: placed.order.id, match_state: "matched" }))
    })
  },
})
