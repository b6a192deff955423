import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { simulator } from "../helpers/simulator"
import { retryDueKlarnaActions } from "../../src/workflows/klarna-action/retry-due-klarna-actions"

jest.setTimeout(120_000)

const settle = () => new Promise((r) => setTimeout(r, 1500))

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
    const place = (quantity = 1, approval: Record<string, unknown> = {}) =>
      placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity }], approval)
    const trackingEvents = async (orderId: string) => (await klarnaEvents(getContainer(), orderId)).filter((e) => e.action === "shipping_info")
    const shippingInfoPosts = async (klarnaOrderId: string) =>
      (await sim.requests(`${klarnaOrderId}/captures`)).filter((r: any) => r.method === "POST" && r.path.endsWith("/shipping-info"))

    /** Completes the order and waits for the completion capture. */
    const completeAndCapture = async (orderId: string) => {
      await api.post(`/admin/orders/${orderId}/complete`, {}, admin)
      await waitForKlarnaEvents(getContainer(), orderId, (e) => e.some((x) => x.action === "capture" && x.outcome === "succeeded"))
    }

    /** Fulfils `quantity` of the order's T-shirt and ships it with one label; answers the fulfilment id. */
    const ship = async (orderId: string, tracking: string, quantity = 1) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      const items = [{ id: data.order.items[0].id, quantity }]
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
      const { data: f } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id,fulfillments.shipped_at`, admin)
      const fulfillment = f.order.fulfillments.find((x: any) => !x.shipped_at)
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillment.id}/shipments`,
        { items, labels: [{ tracking_number: tracking, tracking_url: `https://track.example/${tracking}`, label_url: "https://label.example/1" }] },
        admin
      )
      return fulfillment.id as string
    }

    const postNord = (tracking: string) => ({
      shipping_company: "PostNord",
      shipping_method: "PickUpPoint",
      tracking_number: tracking,
      tracking_uri: `https://track.example/${tracking}`,
    })

    it("adds a shipment's tracking to the capture made on completion, once", async () => {
      const placed = await place()
      await completeAndCapture(placed.order.id)
      await ship(placed.order.id, "TRACK-1")
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info"))
      const klarna = await sim.order(placed.klarna_order_id)
      const captureId = klarna.captures[0].capture_id
      // The demo store ships with "PostNord ombud" (manual provider): carrier and pick-up point from the option's name.
      expect(klarna.captures[0].shipping_info).toEqual([postNord("TRACK-1")])
      expect(events.filter((e) => e.action === "shipping_info")).toEqual([
        expect.objectContaining({
          outcome: "succeeded",
          klarna_capture_id: captureId,
          message: `Tracking number TRACK-1 added to Klarna capture ${captureId}.`,
          attention: false,
        }),
      ])
      const [post] = await shippingInfoPosts(placed.klarna_order_id)
      expect(post.idempotency_key).toEqual(expect.any(String))
      // What the order widget shows under the capture.
      const { data } = await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)
      expect(data.klarna.captures[0].shipping_info).toEqual([postNord("TRACK-1")])
    })

    it("sends once when shipment.created is delivered twice", async () => {
      const placed = await place()
      await completeAndCapture(placed.order.id)
      const fulfillmentId = await ship(placed.order.id, "TRACK-1")
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info"))
      const eventBus = getContainer().resolve("event_bus") as any
      await eventBus.emit({ name: "shipment.created", data: { id: fulfillmentId } })
      await settle()
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(1)
      expect(await trackingEvents(placed.order.id)).toHaveLength(1)
      expect((await sim.order(placed.klarna_order_id)).captures[0].shipping_info).toEqual([postNord("TRACK-1")])
    })

    it("adds a second shipment's number to the same capture", async () => {
      const placed = await place(2)
      await completeAndCapture(placed.order.id)
      await ship(placed.order.id, "TRACK-1")
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.action === "shipping_info").length === 1)
      await ship(placed.order.id, "TRACK-2")
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.action === "shipping_info").length === 2)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.captures).toHaveLength(1)
      expect(klarna.captures[0].shipping_info).toEqual([postNord("TRACK-1"), postNord("TRACK-2")])
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(2)
    })

    it("skips, saying so, when tracking after capture is off for the payment method", async () => {
      await om().updateSettings({ toggles: { tracking_after_capture: { pay_later: false } } })
      const placed = await place()
      await completeAndCapture(placed.order.id)
      await ship(placed.order.id, "TRACK-1")
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info"))
      expect(events.find((e) => e.action === "shipping_info")).toEqual(
        expect.objectContaining({
          outcome: "skipped",
          message: "Klarna order management for tracking after capture is off for pay later: the tracking number was not sent to Klarna.",
        })
      )
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)
      expect((await sim.order(placed.klarna_order_id)).captures[0].shipping_info).toEqual([])
    })

    it("skips, saying who left the order alone and why", async () => {
      const placed = await place()
      await completeAndCapture(placed.order.id)
      await om().setOrderAutomation(placed.order.id, { enabled: false, reason: "Handled by phone", changed_by: "user_1" })
      await ship(placed.order.id, "TRACK-1")
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info"))
      expect(events.find((e) => e.action === "shipping_info")).toEqual(
        expect.objectContaining({
          outcome: "skipped",
          message: "Automatic Klarna management is off for this order (switched off by user_1: Handled by phone): the tracking number was not sent to Klarna.",
        })
      )
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)
    })

    it("with shipment.created as completion, each shipment's capture carries its number and nothing is added after", async () => {
      await om().updateSettings({ completion_trigger: "shipment.created" })
      const placed = await place(2)
      await ship(placed.order.id, "TRACK-1")
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.action === "capture" && x.outcome === "succeeded").length === 1)
      // The second parcel is the same SKU as the first capture's line: its number must not land on that capture.
      await ship(placed.order.id, "TRACK-2")
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.action === "capture" && x.outcome === "succeeded").length === 2)
      await settle()
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.status).toBe("CAPTURED")
      expect(klarna.captures.map((c: any) => c.shipping_info.map((s: any) => s.tracking_number))).toEqual([["TRACK-1"], ["TRACK-2"]])
      expect(klarna.captures[0].shipping_info).toEqual([postNord("TRACK-1")])
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)
      expect(await trackingEvents(placed.order.id)).toHaveLength(0)
    })

    it("sends nothing for a shipment of items not captured yet", async () => {
      const placed = await place()
      await ship(placed.order.id, "TRACK-1")
      await settle()
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)
      expect(await trackingEvents(placed.order.id)).toHaveLength(0)
      expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(0)
    })

    /** Waits for the tracking of a parcel shipped before the capture, then checks it reached that capture once. */
    async function expectEarlyTrackingOnce(placed: Awaited<ReturnType<typeof place>>, tracking: string) {
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info" && x.outcome === "succeeded"))
      await settle() // a second trigger of the same capture (payment.captured beside the plugin's own) would land now
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.captures.map((c: any) => c.shipping_info)).toEqual([[postNord(tracking)]])
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(1)
      expect((await trackingEvents(placed.order.id)).map((e) => e.outcome)).toEqual(["succeeded"])
    }

    /** Places an order and ships its T-shirt before anything is captured: nothing is sent yet. */
    async function shippedBeforeCapture(tracking: string) {
      const placed = await place()
      await ship(placed.order.id, tracking)
      await settle()
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)
      return placed
    }

    it("a parcel shipped before the order was completed gets its tracking on the completion's capture", async () => {
      const placed = await shippedBeforeCapture("EARLY-1")
      await completeAndCapture(placed.order.id)
      await expectEarlyTrackingOnce(placed, "EARLY-1")
    })

    it("a parcel shipped before a capture Klarna was down for gets its tracking when the retry job captures", async () => {
      const placed = await shippedBeforeCapture("EARLY-2")
      // Down for the automation's every attempt (the first and its three retries), up for the retry job.
      await sim.fault({ method: "POST", path: `${placed.klarna_order_id}/captures`, status: 503, times: 4 })
      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture" && x.outcome === "pending_retry"))
      expect(await shippingInfoPosts(placed.klarna_order_id)).toHaveLength(0)

      await retryDueKlarnaActions(getContainer(), new Date(Date.now() + 3600_000))
      await expectEarlyTrackingOnce(placed, "EARLY-2")
    })

    it("a parcel shipped before the merchant captured from the widget gets its tracking on that capture, once", async () => {
      const placed = await shippedBeforeCapture("EARLY-3")
      const capture = await api.post(`/admin/klarna/orders/${placed.order.id}/capture`, {}, admin)
      expect(capture.data.event.outcome).toBe("succeeded")
      // Completing the order afterwards captures nothing more and sends nothing again.
      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      await expectEarlyTrackingOnce(placed, "EARLY-3")
    })

    it("a parcel shipped before a capture through Medusa's own capture route gets its tracking on it", async () => {
      const placed = await shippedBeforeCapture("EARLY-4")
      expect((await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)).status).toBe(200)
      await expectEarlyTrackingOnce(placed, "EARLY-4")
    })

    it("lists a refusal from Klarna under attention", async () => {
      const placed = await place()
      await completeAndCapture(placed.order.id)
      await sim.fault({ method: "POST", path: "/shipping-info", status: 403, times: 1 })
      await ship(placed.order.id, "TRACK-1")
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "shipping_info"))
      const failed = events.find((e) => e.action === "shipping_info")
      expect(failed).toEqual(expect.objectContaining({ outcome: "failed", attention: true }))
      expect(failed.message).toMatch(/^Could not add tracking to Klarna order\./)
      const { data } = await api.get("/admin/klarna/attention", admin)
      expect(data.events.map((e: any) => e.id)).toContain(failed.id)
      expect((await sim.order(placed.klarna_order_id)).captures[0].shipping_info).toEqual([])
    })
  },
})
