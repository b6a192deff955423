import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"
import { receiveReturnOfOneTshirt as receiveReturn } from "../helpers/returns"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const om = () => getContainer().resolve("klarnaOrderManagement") as any
    const refund = (paymentId: string, body: Record<string, unknown>) =>
      api.post(`/admin/payments/${paymentId}/refund`, body, admin).catch((e) => e.response)

    /** 2 × T-shirt (25 %) + 1 × coffee (12 %) + shipping (25 %) = 736,90 SEK, captured in full. */
    async function capturedMixedOrder() {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [
        { variant_id: variant("TSHIRT-PINK"), quantity: 2 },
        { variant_id: variant("COFFEE-500"), quantity: 1 },
      ])
      await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
      return placed
    }
    async function capturedSingleRateOrder() {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 2 }])
      await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
      return placed
    }

    it("a full refund sends the captured order lines", async () => {
      const placed = await capturedMixedOrder()
      const res = await refund(placed.payment.id, { amount: 736.9 })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunded_amount).toBe(73690)
      expect(klarna.refunds[0].order_lines.map((l: any) => l.reference)).toEqual(klarna.order_lines.map((l: any) => l.reference))
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "refund"))
      expect(events.find((e) => e.action === "refund").message).toMatch(/^Klarna refund of 736,90 SEK completed \(full refund\)\. Refund ID /)
    })

    it("a good-will refund on a mixed-rate order is split by VAT rate (split_by_rate)", async () => {
      const placed = await capturedMixedOrder()
      const res = await refund(placed.payment.id, { amount: 199, note: "Late delivery" })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      const lines = klarna.refunds[0].order_lines
      expect(lines.map((l: any) => l.tax_rate).sort()).toEqual([1200, 2500])
      expect(lines.reduce((s: number, l: any) => s + l.total_amount, 0)).toBe(19900)
      expect(klarna.refunds[0]).toEqual(expect.objectContaining({ refunded_amount: 19900, description: "Late delivery" }))
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data.refunds[0]).toEqual(expect.objectContaining({ kind: "goodwill", amount: 19900 }))
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "refund"))
      expect(events.find((e) => e.action === "refund").message).toMatch(/^Klarna refund of 199,00 SEK completed \(good-will, 25 % VAT .* \+ 12 % VAT .*\)\. Refund ID /)
    })

    it("single_rate_only refuses a partial good-will refund on a mixed-rate order, recording nothing", async () => {
      await om().updateSettings({ goodwill_vat_policy: "single_rate_only" })
      const placed = await capturedMixedOrder()
      const res = await refund(placed.payment.id, { amount: 199 })
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("Partial good-will refund is not possible for orders with items at different VAT rates")
      expect((await sim.order(placed.klarna_order_id)).refunded_amount).toBe(0)
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.refunds ?? []).toHaveLength(0)
      const events = await klarnaEvents(getContainer(), placed.order.id)
      expect(events.find((e) => e.action === "refund")).toEqual(expect.objectContaining({ outcome: "failed" }))
    })

    it("single_rate_only allows it on a single-rate order, as one good-will line at that rate", async () => {
      await om().updateSettings({ goodwill_vat_policy: "single_rate_only" })
      const placed = await capturedSingleRateOrder()
      const res = await refund(placed.payment.id, { amount: 199 })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunds[0].order_lines).toEqual([
        expect.objectContaining({ tax_rate: 2500, total_amount: 19900, total_tax_amount: 3980, name: "Good-will refund (25 % VAT)" }),
      ])
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "refund"))
      expect(events.find((e) => e.action === "refund").message).toMatch(/^Klarna refund of 199,00 SEK completed \(good-will, 25 % VAT\)\. Refund ID /)
    })

    it("two partial refunds, then an over-refund is refused before anything is sent", async () => {
      const placed = await capturedSingleRateOrder() // 647,00 SEK
      expect((await refund(placed.payment.id, { amount: 300 })).status).toBe(200)
      expect((await refund(placed.payment.id, { amount: 300 })).status).toBe(200)
      const over = await refund(placed.payment.id, { amount: 100 })
      expect(over.status).toBe(400)
      expect(over.data.message).toContain("100,00 SEK is more than the 47,00 SEK captured and not yet refunded")
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunds).toHaveLength(2)
      expect(klarna.refunded_amount).toBe(60000)
    })

    it("a refund before capture fails clearly and Medusa records no refund", async () => {
      const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      const res = await refund(placed.payment.id, { amount: 10 })
      expect(res.status).toBe(400)
      expect(res.data.message).toBe("Klarna order has not been captured and cannot be refunded.")
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.refunds ?? []).toHaveLength(0)
    })

    it("a refund retried after a lost response and a 5xx ends in exactly one Klarna refund", async () => {
      const placed = await capturedSingleRateOrder()
      await sim.fault({ method: "POST", path: "/refunds", status: 500, times: 1, after: true })
      await sim.fault({ method: "POST", path: "/refunds", status: 503, times: 1 })
      const res = await refund(placed.payment.id, { amount: 50 })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunds).toHaveLength(1)
      expect(klarna.refunded_amount).toBe(5000)
      const refundCalls = (await sim.requests(`${placed.klarna_order_id}/refunds`)).filter((r: any) => r.method === "POST")
      expect(refundCalls.length).toBeGreaterThanOrEqual(3)
      expect(new Set(refundCalls.map((r: any) => r.idempotency_key)).size).toBe(1)
    })

    const receiveReturnOfOneTshirt = (placed: { order: any }) => receiveReturn(api, admin, placed)

    it("after a received return, refunding the returned items' value sends those lines", async () => {
      const placed = await capturedMixedOrder()
      const returnId = await receiveReturnOfOneTshirt(placed)

      const res = await refund(placed.payment.id, { amount: 299, note: "Returned" })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunds[0].order_lines).toEqual([
        expect.objectContaining({ reference: "TSHIRT-PINK", quantity: 1, total_amount: 29900, tax_rate: 2500, total_tax_amount: 5980 }),
      ])
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data.refunds[0].kind).toBe("lines")
      expect(payment.data.refunded_return_ids).toEqual([returnId])
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "refund"))
      expect(events.find((e) => e.action === "refund").message).toMatch(/\(items: 1 × Klarna T-shirt/)
    })

    it("a return refunded with a fee kept by the merchant sends a return_fee line (Sweden)", async () => {
      const placed = await capturedMixedOrder()
      await receiveReturnOfOneTshirt(placed)
      const res = await refund(placed.payment.id, { amount: 250 })
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.refunds[0].refunded_amount).toBe(25000)
      expect(klarna.refunds[0].order_lines).toEqual([
        expect.objectContaining({ reference: "TSHIRT-PINK", total_amount: 29900 }),
        expect.objectContaining({ type: "return_fee", total_amount: -4900, tax_rate: 2500 }),
      ])
    })
  },
})
