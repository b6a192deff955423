import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"
import { retryDueKlarnaActions as retryDueKlarnaAutomations } from "../../src/workflows/klarna-action/retry-due-klarna-actions"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const tshirt = () => store.products.find((p) => p.sku === "TSHIRT-PINK")!
    const om = () => getContainer().resolve(KLARNA_ORDER_MANAGEMENT_MODULE) as any
    const place = (approval: Record<string, unknown> = {}) =>
      placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }], approval)
    const complete = (orderId: string) => api.post(`/admin/orders/${orderId}/complete`, {}, admin)

    describe("on order completion → capture", () => {
      it("captures the remaining amount through Medusa's capture and logs it like WooCommerce", async () => {
        const placed = await place()
        await complete(placed.order.id)
        // The capture's own Klarna reference is read after the capture is recorded, off the capture's path.
        const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture" && /Klarna reference/.test(x.message)))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 34800 }))
        expect(events).toEqual([
          expect.objectContaining({
            action: "capture",
            outcome: "succeeded",
            amount: 34800,
            currency_code: "sek",
            klarna_capture_id: klarna.captures[0].capture_id,
            klarna_reference: klarna.captures[0].klarna_reference,
            message: `Klarna order captured. Capture amount: 348,00 SEK. Capture ID: ${klarna.captures[0].capture_id}. Klarna reference: ${klarna.captures[0].klarna_reference}.`,
          }),
        ])
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captured_at).toBeTruthy()
      })

      it.each(["pay_later", "pay_over_time", "pay_now"])("does nothing in Klarna when the toggle is off for %s", async (method) => {
        await om().updateSettings({ toggles: { capture_on_complete: { [method]: false } } })
        const placed = await place({ payment_method_category: method })
        await complete(placed.order.id)
        const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.length > 0)
        expect(event).toEqual(expect.objectContaining({ action: "capture", outcome: "skipped" }))
        expect(event.message).toMatch(/on order completion is off for pay (later|over time|now): the Klarna order was not captured/)
        expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")
        expect((await sim.requests(`${placed.klarna_order_id}/captures`)).filter((r: any) => r.method === "POST")).toHaveLength(0)
      })

      it("captures one method while another method's toggle is off", async () => {
        await om().updateSettings({ toggles: { capture_on_complete: { pay_later: false } } })
        const placed = await place({ payment_method_category: "pay_now" })
        await complete(placed.order.id)
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.outcome === "succeeded"))
        expect((await sim.order(placed.klarna_order_id)).status).toBe("CAPTURED")
      })

      it("captures once when order.completed is delivered twice", async () => {
        const placed = await place()
        await complete(placed.order.id)
        const eventBus = getContainer().resolve("event_bus") as any
        await eventBus.emit({ name: "order.completed", data: { id: placed.order.id } })
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.outcome === "succeeded"))
        await new Promise((r) => setTimeout(r, 1500))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captures).toHaveLength(1)
      })

      it("does not capture an order pending Klarna's fraud review", async () => {
        const placed = await place({ fraud_status: "PENDING" })
        expect(placed.order).toBeTruthy()
        await complete(placed.order.id)
        const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.length > 0)
        expect(event).toEqual(
          expect.objectContaining({ outcome: "skipped", message: "Klarna order is pending review and could not be captured at this time." })
        )
        expect(event.klarna_order_id).toEqual(expect.any(String))
        expect((await sim.order(event.klarna_order_id)).captured_amount).toBe(0)
      })

      it("retries a capture Klarna could not take and ends with exactly one capture", async () => {
        const placed = await place()
        await sim.fault({ method: "POST", path: "/captures", status: 503, times: 0 })
        await complete(placed.order.id)
        const [pending] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.outcome === "pending_retry"))
        expect(pending.message).toMatch(/Could not capture Klarna order yet: .*Retrying automatically/)
        expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(0)

        await sim.clearFaults()
        await retryDueKlarnaAutomations(getContainer(), new Date(Date.now() + 24 * 3600_000))
        // The checkout's own entry (the due authorization check) has come due too and moved to the order.
        const events = (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "capture")
        expect(events).toHaveLength(1) // the same entry, updated
        expect(events[0]).toEqual(expect.objectContaining({ outcome: "succeeded", attempts: 2 }))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        expect(klarna.captured_amount).toBe(34800)
      })
    })

    describe("Klarna timing out", () => {
      it("a capture whose first attempt times out is retried with the same key and captured once", async () => {
        const placed = await place()
        // Klarna answers the first capture only after the client's 3 s timeout (it still performs it).
        await sim.fault({ method: "POST", path: "/captures", latency_ms: 4000, times: 1 })
        await complete(placed.order.id)
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.outcome === "succeeded"), 30_000)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        expect(klarna.captured_amount).toBe(34800)
        const calls = (await sim.requests(`${placed.klarna_order_id}/captures`)).filter((r: any) => r.method === "POST")
        expect(calls.length).toBeGreaterThanOrEqual(2)
        expect(new Set(calls.map((r: any) => r.idempotency_key)).size).toBe(1)
      })
    })

    describe("completion = shipment: each shipment captures its own items", () => {
      it("captures per shipment with its lines and tracking, and the last one captures the rest", async () => {
        await om().updateSettings({ completion_trigger: "shipment.created" })
        const coffee = store.products.find((p) => p.sku === "COFFEE-500")!
        const placed = await placeKlarnaOrder(api, getContainer(), store, [
          { variant_id: tshirt().variant_id, quantity: 1 },
          { variant_id: coffee.variant_id, quantity: 1 },
        ])
        const { data } = await api.get(`/admin/orders/${placed.order.id}?fields=items.id,items.variant_sku`, admin)
        const itemId = (sku: string) => data.order.items.find((i: any) => i.variant_sku === sku).id

        const ship = async (sku: string, tracking: string) => {
          const items = [{ id: itemId(sku), quantity: 1 }]
          await api.post(`/admin/orders/${placed.order.id}/fulfillments`, { items }, admin)
          const { data: f } = await api.get(
            `/admin/orders/${placed.order.id}?fields=fulfillments.id,fulfillments.shipped_at,fulfillments.items.line_item_id`,
            admin
          )
          const fulfillment = f.order.fulfillments.find((x: any) => !x.shipped_at && x.items.some((i: any) => i.line_item_id === itemId(sku)))
          await api.post(
            `/admin/orders/${placed.order.id}/fulfillments/${fulfillment.id}/shipments`,
            { items, labels: [{ tracking_number: tracking, tracking_url: `https://track.example/${tracking}`, label_url: "https://label.example/1" }] },
            admin
          )
        }

        await ship("TSHIRT-PINK", "TRACK-1")
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.outcome === "succeeded").length === 1)
        let klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.status).toBe("PART_CAPTURED")
        expect(klarna.captures[0]).toEqual(
          expect.objectContaining({
            captured_amount: 29900,
            shipping_info: [expect.objectContaining({ tracking_number: "TRACK-1", tracking_uri: "https://track.example/TRACK-1" })],
          })
        )
        expect(klarna.captures[0].order_lines.map((l: any) => [l.reference, l.quantity, l.total_amount])).toEqual([["TSHIRT-PINK", 1, 29900]])

        await ship("COFFEE-500", "TRACK-2")
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.outcome === "succeeded").length === 2)
        klarna = await sim.order(placed.klarna_order_id)
        expect(klarna).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 29900 + 8990 + 4900 }))
        expect(klarna.captures[1].shipping_info[0].tracking_number).toBe("TRACK-2")
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captures.map((c: any) => Number(c.amount)).sort()).toEqual([138.9, 299])
      })

      it("order.completed does not capture when completion is a shipment", async () => {
        await om().updateSettings({ completion_trigger: "shipment.created" })
        const placed = await place()
        await complete(placed.order.id)
        await new Promise((r) => setTimeout(r, 1000))
        expect(await klarnaEvents(getContainer(), placed.order.id)).toHaveLength(0)
        expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(0)
      })
    })

    describe("captured in Klarna's portal before completion", () => {
      it("adopts the portal capture on completion instead of capturing again", async () => {
        const placed = await place()
        await sim.portalCapture(placed.klarna_order_id, 34800)
        await complete(placed.order.id)
        const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.length > 0)
        expect(event.outcome).toBe("succeeded")
        expect(event.message).toMatch(/already been captured in Klarna \(348,00 SEK/)
        expect((await sim.order(placed.klarna_order_id)).captures).toHaveLength(1)
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captured_at).toBeTruthy()
      })
    })

    describe("on order cancellation → cancel", () => {
      it("cancels the Klarna order and logs 'Klarna order cancellation completed'", async () => {
        const placed = await place()
        await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, admin)
        const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "cancel"))
        expect(events[0]).toEqual(expect.objectContaining({ outcome: "succeeded", message: "Klarna order cancellation completed" }))
        expect((await sim.order(placed.klarna_order_id)).status).toBe("CANCELLED")
      })

      it("leaves Klarna alone when the toggle is off, and says so", async () => {
        await om().updateSettings({ toggles: { cancel_on_cancel: { pay_later: false } } })
        const placed = await place()
        await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, admin)
        const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.length > 0)
        expect(event).toEqual(expect.objectContaining({ outcome: "skipped" }))
        expect(event.message).toContain("on order cancellation is off for pay later")
        expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")
      })

      it("releases the remaining authorization after a partial capture", async () => {
        const placed = await place()
        await api.post(`/admin/payments/${placed.payment.id}/capture`, { amount: 100 }, admin)
        await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, admin)
        const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "cancel"))
        expect(events.find((e) => e.action === "cancel")).toEqual(
          expect.objectContaining({ outcome: "succeeded", message: "Remaining Klarna authorization released: 248,00 SEK will not be charged." })
        )
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.remaining_authorized_amount).toBe(0)
        expect(klarna.status).toBe("CAPTURED")
      })
    })
  },
})
