import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, type PlacedOrder } from "../helpers/checkout"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

/** Minor units of a Medusa amount (BigNumber JSON or number), SEK. */
const ore = (raw: any) => Math.round(Number(raw?.value ?? raw) * 100)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const post = (url: string, body: Record<string, unknown>) => api.post(url, body, admin).catch((e) => e.response)
    const capture = (placed: PlacedOrder, amount?: number) =>
      post(`/admin/payments/${placed.payment.id}/capture`, amount === undefined ? {} : { amount })
    const refund = (placed: PlacedOrder, amount: number) => post(`/admin/payments/${placed.payment.id}/refund`, { amount })
    const parallel = <T>(n: number, run: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => run(i)))

    async function order(): Promise<PlacedOrder & { total: number }> {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [
        { variant_id: variant("TSHIRT-PINK"), quantity: 2 },
        { variant_id: variant("COFFEE-500"), quantity: 1 },
      ])
      return { ...placed, total: ore(placed.payment.amount) }
    }

    /** Medusa's rows and Klarna's order for one payment, and the check that they agree to the öre. */
    async function ledgers(placed: PlacedOrder) {
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      const klarna = await sim.order(placed.klarna_order_id)
      const medusa = {
        captures: payment.captures ?? [],
        refunds: payment.refunds ?? [],
        captured: (payment.captures ?? []).reduce((s: number, c: any) => s + ore(c.raw_amount ?? c.amount), 0),
        refunded: (payment.refunds ?? []).reduce((s: number, r: any) => s + ore(r.raw_amount ?? r.amount), 0),
      }
      expect({ captured: medusa.captured, refunded: medusa.refunded }).toEqual({
        captured: klarna.captured_amount,
        refunded: klarna.refunded_amount,
      })
      return { medusa, klarna }
    }

    const statuses = (responses: any[]) => responses.map((r) => r.status)
    const ok = (responses: any[]) => responses.filter((r) => r.status === 200).length

    it("10 parallel captures of half: two succeed, each one Klarna capture of its own; the rest leave no row", async () => {
      const placed = await order()
      const half = Math.floor(placed.total / 2)
      const responses = await parallel(10, () => capture(placed, half / 100))
      expect(ok(responses)).toBe(2)
      expect(statuses(responses).every((s) => s === 200 || (s >= 400 && s < 500))).toBe(true)

      const { medusa, klarna } = await ledgers(placed)
      expect(medusa.captures).toHaveLength(2)
      expect(klarna.captures).toHaveLength(2)
      expect(klarna.captured_amount).toBe(2 * half)
      // Each Medusa capture is backed by the Klarna capture that carries its id: none adopted another's.
      expect(klarna.captures.map((c: any) => c.reference).sort()).toEqual(medusa.captures.map((c: any) => c.id).sort())
      expect(medusa.captures.every((c: any) => !c.metadata?.klarna?.adopted_amount)).toBe(true)
    })

    it("10 parallel refunds of half: two refunds in each ledger, totals equal", async () => {
      const placed = await order()
      expect((await capture(placed)).status).toBe(200)
      const half = Math.floor(placed.total / 2)
      const responses = await parallel(10, () => refund(placed, half / 100))
      expect(ok(responses)).toBe(2)

      const { medusa, klarna } = await ledgers(placed)
      expect(medusa.refunds).toHaveLength(2)
      expect(klarna.refunds).toHaveLength(2)
      expect(klarna.refunds.map((r: any) => r.reference).sort()).toEqual(medusa.refunds.map((r: any) => r.id).sort())
    })

    it("4 parallel refunds of a quarter: all four answer 200 and each is a Klarna refund", async () => {
      const placed = await order()
      expect((await capture(placed)).status).toBe(200)
      const quarter = Math.floor(placed.total / 4)
      const responses = await parallel(4, () => refund(placed, quarter / 100))
      expect(responses.map((r) => [r.status, r.data?.message])).toEqual(Array(4).fill([200, undefined]))

      const { medusa, klarna } = await ledgers(placed)
      expect(medusa.refunds).toHaveLength(4)
      expect(klarna.refunded_amount).toBe(4 * quarter)
    })

    it("a parallel mix of captures and refunds through Medusa's and the plugin's routes keeps the ledgers equal", async () => {
      const placed = await order()
      const quarter = Math.floor(placed.total / 4)
      expect((await capture(placed, quarter / 100)).status).toBe(200)
      const responses = await Promise.all([
        ...Array.from({ length: 3 }, () => capture(placed, quarter / 100)),
        ...Array.from({ length: 3 }, () => post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: quarter / 100 })),
        ...Array.from({ length: 4 }, () => refund(placed, quarter / 200)),
      ])
      expect(statuses(responses).every((s) => s === 200 || (s >= 400 && s < 500))).toBe(true)
      const { medusa, klarna } = await ledgers(placed)
      expect(klarna.captured_amount).toBeLessThanOrEqual(placed.total)
      expect(medusa.captures.length).toBe(klarna.captures.length)
      expect(medusa.refunds.length).toBe(klarna.refunds.length)
    })

    it("a capture whose every response was lost: the next capture adopts Klarna's capture instead of taking the money twice", async () => {
      const placed = await order()
      const half = Math.floor(placed.total / 2)
      await sim.fault({ method: "POST", path: "/captures", status: 500, times: 0, after: true })
      const lost = await capture(placed, half / 100)
      expect(lost.status).toBeGreaterThanOrEqual(400)
      await sim.clearFaults()
      let klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.captured_amount).toBe(half)
      expect((await klarnaPaymentOf(getContainer(), placed.order.id)).captures ?? []).toHaveLength(0)

      // Retried in parallel: one adopts the lost capture, one captures the second half, the rest are refused.
      const responses = await parallel(4, () => capture(placed, half / 100))
      expect(ok(responses)).toBe(2)
      const ledger = await ledgers(placed)
      klarna = ledger.klarna
      expect(klarna.captures).toHaveLength(2)
      expect(ledger.medusa.captures.filter((c: any) => c.metadata?.klarna?.adopted_amount === half)).toHaveLength(1)
    })

    it("a capture whose response was lost, retried for the same amount: Klarna is read first and the lost capture adopted", async () => {
      const placed = await order()
      const quarter = Math.floor(placed.total / 4)
      await sim.fault({ method: "POST", path: "/captures", status: 500, times: 0, after: true })
      expect((await capture(placed, quarter / 100)).status).toBeGreaterThanOrEqual(400)
      await sim.clearFaults()
      const before = (await sim.requests(placed.klarna_order_id)).length

      // Room is left in Klarna for a second quarter: only the note of the unanswered write stops it being taken.
      expect((await capture(placed, quarter / 100)).status).toBe(200)
      const ledger = await ledgers(placed)
      expect(ledger.klarna.captured_amount).toBe(quarter)
      expect(ledger.klarna.captures).toHaveLength(1)
      expect(ledger.medusa.captures.map((c: any) => c.metadata?.klarna?.adopted_amount)).toEqual([quarter])
      const retry = (await sim.requests(placed.klarna_order_id)).slice(before)
      expect(retry.map((r: any) => r.method)).toEqual(["GET"])
    })

    it("a capture with nothing unanswered is one Klarna request, Klarna's answer trusted", async () => {
      const placed = await order()
      const before = (await sim.requests(placed.klarna_order_id)).length
      expect((await capture(placed)).status).toBe(200)
      const made = (await sim.requests(placed.klarna_order_id)).slice(before)
      expect(made.map((r: any) => `${r.method} ${r.path.replace(placed.klarna_order_id, ":id")}`)).toEqual(["POST /ordermanagement/v1/orders/:id/captures"])
      const ledger = await ledgers(placed)
      expect(ledger.klarna.status).toBe("CAPTURED")
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data).toEqual(
        expect.objectContaining({ klarna_status: "CAPTURED", captured_amount: placed.total, remaining_authorized_amount: 0 })
      )
    })

    it("a refund is one read of Klarna's order, for its plan, and the refund itself", async () => {
      const placed = await order()
      expect((await capture(placed)).status).toBe(200)
      const before = (await sim.requests(placed.klarna_order_id)).length
      expect((await refund(placed, 100)).status).toBe(200)
      const made = (await sim.requests(placed.klarna_order_id)).slice(before)
      expect(made.map((r: any) => `${r.method} ${r.path.replace(placed.klarna_order_id, ":id")}`)).toEqual([
        "GET /ordermanagement/v1/orders/:id",
        "POST /ordermanagement/v1/orders/:id/refunds",
      ])
      const ledger = await ledgers(placed)
      expect(ledger.klarna.refunded_amount).toBe(10000)
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data.refunded_amount).toBe(10000)
      // Used once: a later refund of the same amount plans again.
      expect(payment.data.refund_plan).toBeNull()
    })

    it("a refund while the order has an open edit is refused before anything is sent", async () => {
      const placed = await order()
      expect((await capture(placed)).status).toBe(200)
      const edit = await post(`/admin/order-edits`, { order_id: placed.order.id })
      expect(edit.status).toBe(200)
      const refused = await refund(placed, 100)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/^The order has an open edit request\. Confirm or cancel it before refunding/)
      let ledger = await ledgers(placed)
      expect(ledger.medusa.refunds).toHaveLength(0)

      await api.delete(`/admin/order-edits/${placed.order.id}`, admin)
      expect((await refund(placed, 100)).status).toBe(200)
      ledger = await ledgers(placed)
      expect(ledger.klarna.refunded_amount).toBe(10000)
    })

    it("a refund Klarna refuses leaves no Medusa row", async () => {
      const placed = await order()
      expect((await capture(placed)).status).toBe(200)
      await sim.fault({ method: "POST", path: "/refunds", status: 403, times: 0 })
      const responses = await parallel(3, () => refund(placed, 100))
      expect(responses.every((r) => r.status >= 400 && r.status < 500)).toBe(true)
      await sim.clearFaults()
      const { medusa } = await ledgers(placed)
      expect(medusa.refunds).toHaveLength(0)
    })
  },
})
