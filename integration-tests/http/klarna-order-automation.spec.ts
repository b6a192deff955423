import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string>; user: { id: string } }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
    const post = (path: string, body: unknown = {}) => api.post(path, body, admin).catch((e) => e.response)
    const switchAutomation = (orderId: string, body: unknown) => post(`/admin/klarna/orders/${orderId}/automation`, body)
    const automationOf = async (orderId: string) => (await api.get(`/admin/klarna/orders/${orderId}`, admin)).data.automation
    const REASON = "Customer pays by invoice arranged on the phone"

    it("switched off with a reason: completion does not capture, the entry names the admin and the reason; GET shows the switch", async () => {
      const placed = await place()
      const off = await switchAutomation(placed.order.id, { enabled: false, reason: `  ${REASON} ` })
      expect(off.status).toBe(200)
      expect(off.data.automation).toEqual({ enabled: false, reason: REASON, changed_by: admin.user.id, changed_at: expect.any(String) })
      expect(off.data.event).toEqual(
        expect.objectContaining({ action: "automation", outcome: "succeeded", actor: admin.user.id, message: `Automatic Klarna management switched off by ${admin.user.id}: ${REASON}` })
      )
      expect(await automationOf(placed.order.id)).toEqual(off.data.automation)

      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      const capture = events.find((e) => e.action === "capture")
      expect(capture.outcome).toBe("skipped")
      expect(capture.message).toContain(`switched off by ${admin.user.id}: ${REASON}`)
      expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")

      // The admin's own capture still acts.
      const manual = await post(`/admin/klarna/orders/${placed.order.id}/capture`, {})
      expect(manual.status).toBe(200)
      expect(manual.data.event.outcome).toBe("succeeded")
      expect((await sim.order(placed.klarna_order_id)).status).toBe("CAPTURED")
    })

    it("switched off: cancelling the order does not cancel in Klarna", async () => {
      const placed = await place()
      expect((await switchAutomation(placed.order.id, { enabled: false, reason: REASON })).status).toBe(200)
      await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, admin)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "cancel"))
      const cancel = events.find((e) => e.action === "cancel")
      expect(cancel.outcome).toBe("skipped")
      expect(cancel.message).toContain(REASON)
      expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")
    })

    it("switched back on: the next automation acts, and the log has both switches", async () => {
      const placed = await place()
      expect((await switchAutomation(placed.order.id, { enabled: false, reason: REASON })).status).toBe(200)
      const on = await switchAutomation(placed.order.id, { enabled: true })
      expect(on.status).toBe(200)
      expect(on.data.automation).toEqual({ enabled: true, reason: null, changed_by: admin.user.id, changed_at: expect.any(String) })
      expect(on.data.event.message).toBe(`Automatic Klarna management switched back on by ${admin.user.id}`)

      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      expect(events.find((e) => e.action === "capture").outcome).toBe("succeeded")
      expect((await sim.order(placed.klarna_order_id)).status).toBe("CAPTURED")
      expect(events.filter((e) => e.action === "automation").map((e) => e.message)).toEqual([
        `Automatic Klarna management switched off by ${admin.user.id}: ${REASON}`,
        `Automatic Klarna management switched back on by ${admin.user.id}`,
      ])
    })

    it.each([
      ["no reason", { enabled: false }],
      ["a blank reason", { enabled: false, reason: "   " }],
      ["a reason with control characters", { enabled: false, reason: "late\u0000payment" }],
      ["a reason with a newline", { enabled: false, reason: "late\npayment" }],
      ["a reason over 500 characters", { enabled: false, reason: "x".repeat(501) }],
      ["enabled not a boolean", { enabled: "no", reason: REASON }],
      ["enabled missing", { reason: REASON }],
      ["an unknown field", { enabled: true, force: true }],
      ["a reason that is not text", { enabled: false, reason: 42 }],
    ])("refuses %s with 400 and changes nothing", async (_what, body) => {
      const placed = await place()
      const res = await switchAutomation(placed.order.id, body)
      expect(res.status).toBe(400)
      expect(await automationOf(placed.order.id)).toEqual({ enabled: true, reason: null, changed_by: null, changed_at: null })
      expect((await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "automation")).toEqual([])
    })

    it("answers 404 for an unknown order and 400 for a malformed id", async () => {
      const missing = await switchAutomation("order_does_not_exist", { enabled: false, reason: REASON })
      expect(missing.status).toBe(404)
      const malformed = await switchAutomation("order%00x", { enabled: false, reason: REASON })
      expect(malformed.status).toBe(400)
    })

    it("requires an authenticated admin", async () => {
      const res = await api.post(`/admin/klarna/orders/order_x/automation`, { enabled: true }).catch((e) => e.response)
      expect(res.status).toBe(401)
    })
  },
})
