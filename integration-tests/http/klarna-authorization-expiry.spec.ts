import axios from "axios"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"
import { extendExpiringKlarnaAuthorizations } from "../../src/workflows/extend-expiring-klarna-authorizations"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, type PlacedOrder } from "../helpers/checkout"
import { klarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: Awaited<ReturnType<typeof setUpKlarnaTestStore>>["admin"]
    const sim = simulator()
    const control = axios.create({ baseURL: sim.url })

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: store.products.find((p) => p.sku === "TSHIRT-PINK")!.variant_id, quantity: 1 }])
    const run = () => extendExpiringKlarnaAuthorizations(getContainer())
    const extensionsOf = async (placed: PlacedOrder) => ((await sim.requests("extend-authorization-time")) as any[]).filter((r) => JSON.stringify(r).includes(placed.klarna_order_id))
    const klarnaCallsOf = async (placed: PlacedOrder) => ((await sim.requests(placed.klarna_order_id)) as any[]).length
    const entries = async (placed: PlacedOrder) => (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "extend")
    const attentionOf = async (placed: PlacedOrder) => ((await api.get("/admin/klarna/attention", admin)).data.events as any[]).filter((e) => e.order_id === placed.order.id)
    const feedOf = async (placed: PlacedOrder) =>
      ((await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })) as any[]).filter((n) => n.resource_id === placed.order.id)
    const adminView = async (placed: PlacedOrder) => (await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)).data

    /** Klarna's order expires `days` from now (placed `agedDays` ago), and Medusa's payment says so, as after a sync. */
    async function expiresIn(placed: PlacedOrder, days: number, agedDays = 0) {
      if (agedDays) await control.post(`/_sim/orders/${placed.klarna_order_id}/age`, { days: agedDays })
      const order = (await control.post(`/_sim/orders/${placed.klarna_order_id}/expires-in`, { days })).data
      await storeExpiry(placed, order.expires_at)
      return order
    }
    async function storeExpiry(placed: PlacedOrder, expires_at: string) {
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      await getContainer().resolve(Modules.PAYMENT).updatePayment({ id: payment.id, data: { ...payment.data, expires_at } } as any)
    }

    it("extends a reservation expiring within N days once, however often or concurrently the job runs", async () => {
      const placed = await place()
      const before = await expiresIn(placed, 2)
      const started = Date.now()
      await Promise.all([run(), run()])
      await run()

      const after = await sim.order(placed.klarna_order_id)
      expect(Date.parse(after.expires_at)).toBeGreaterThanOrEqual(started + 28 * DAY)
      expect(after.expires_at).not.toBe(before.expires_at)
      expect((await klarnaPaymentOf(getContainer(), placed.order.id)).data.expires_at).toBe(after.expires_at)
      expect(await extensionsOf(placed)).toHaveLength(1)
      const extend = await entries(placed)
      expect(extend.map((e) => [e.outcome, e.attention])).toEqual([["succeeded", false]])
      expect(extend[0].message).toBe(`Klarna authorization time extended until ${after.expires_at.slice(0, 10)}.`)

      const view = await adminView(placed)
      expect(view.authorization).toMatchObject({ state: "active", expires_at: new Date(after.expires_at).toISOString(), days_left: 28, auto_extend: true, extend_days_before_expiry: 3 })
      expect(view.authorization.max_expires_at).toBe(new Date(Date.parse(after.created_at) + 180 * DAY).toISOString())
    })

    it("leaves a reservation farther away than N days alone", async () => {
      const placed = await place()
      const before = await expiresIn(placed, 3.5)
      await run()
      expect((await sim.order(placed.klarna_order_id)).expires_at).toBe(before.expires_at)
      expect(await extensionsOf(placed)).toHaveLength(0)
      expect(await entries(placed)).toHaveLength(0)
    })

    it("lists a reservation at the 180-day cap within M days under attention once, announced in the admin feed", async () => {
      const placed = await place()
      // Placed 170 days ago, expires in 5 days: now + 28 days is past created_at + 180 days.
      const before = await expiresIn(placed, 5, 170)
      await run()
      await run()

      expect(await extensionsOf(placed)).toHaveLength(0)
      expect((await sim.order(placed.klarna_order_id)).expires_at).toBe(before.expires_at)
      const listed = await attentionOf(placed)
      expect(listed).toHaveLength(1)
      const max = new Date(Date.parse(before.created_at) + 180 * DAY).toISOString().slice(0, 10)
      expect(listed[0].message).toBe(
        `Klarna reservation of order #${placed.order.display_id} expires on ${before.expires_at.slice(0, 10)} and cannot be extended ` +
          `(Klarna extends a reservation until at most ${max}, 180 days after the purchase): capture what you can ship before then.`
      )
      const feed = await feedOf(placed)
      expect(feed).toHaveLength(1)
      expect(feed[0].data.title).toBe(`Klarna extension needs attention: order #${placed.order.display_id}`)
      expect((await adminView(placed)).authorization).toMatchObject({ state: "cannot_extend", max_expires_at: expect.stringContaining(max) })
    })

    it("lists Klarna's refusal of an extension it was asked for", async () => {
      const placed = await place()
      // Klarna refuses this once; the next run does not ask again for the same expiry.
      await sim.fault({ method: "POST", path: `${placed.klarna_order_id}/extend-authorization-time`, status: 403, times: 1 })
      const before = await expiresIn(placed, 2)
      await run()
      await run()
      expect(await extensionsOf(placed)).toHaveLength(1)
      expect((await sim.order(placed.klarna_order_id)).expires_at).toBe(before.expires_at)
      const listed = await attentionOf(placed)
      expect(listed).toHaveLength(1)
      expect(listed[0].message).toMatch(/^Klarna reservation of order #\d+ expires on \d{4}-\d\d-\d\d and cannot be extended \(Klarna refused the extension: .+\): capture what you can ship before then\.$/)
      expect(await feedOf(placed)).toHaveLength(1)
      // The widget no longer promises an automatic extension.
      expect((await adminView(placed)).authorization).toMatchObject({ state: "cannot_extend" })
    })

    it("does not extend when the method's toggle is off, and warns", async () => {
      const placed = await place()
      const method = placed.payment.data.payment_method
      expect((await api.post("/admin/klarna/settings", { toggles: { extend_before_expiry: { [method]: false } } }, admin)).status).toBe(200)
      const before = await expiresIn(placed, 2)
      await run()
      await run()
      expect(await extensionsOf(placed)).toHaveLength(0)
      expect((await sim.order(placed.klarna_order_id)).expires_at).toBe(before.expires_at)
      const [entry, ...more] = await entries(placed)
      expect(more).toHaveLength(0)
      expect(entry).toMatchObject({ outcome: "needs_attention", attention: true })
      expect(entry.message).toMatch(/^Klarna order management before a reservation expires is off for .+: the Klarna reservation of order #\d+ expires on .+ and is not extended automatically/)
      expect((await adminView(placed)).authorization.auto_extend).toBe(false)
    })

    it("does not extend an order the merchant left alone, and says why", async () => {
      const placed = await place()
      await getContainer()
        .resolve<any>(KLARNA_ORDER_MANAGEMENT_MODULE)
        .setOrderAutomation(placed.order.id, { enabled: false, reason: "customer pays by bank transfer", changed_by: "admin@medusa-test.com" })
      await expiresIn(placed, 2)
      await run()
      expect(await extensionsOf(placed)).toHaveLength(0)
      const [entry] = await entries(placed)
      expect(entry.message).toContain("Automatic Klarna management is off for this order (switched off by admin@medusa-test.com: customer pays by bank transfer)")
      expect(await attentionOf(placed)).toHaveLength(1)
    })

    it("records an expired reservation once without asking Klarna, and shows it as expired", async () => {
      const placed = await place()
      await sim.expire(placed.klarna_order_id)
      const expired = await sim.order(placed.klarna_order_id)
      await storeExpiry(placed, expired.expires_at)
      const calls = await klarnaCallsOf(placed)
      await run()
      await run()
      expect(await klarnaCallsOf(placed)).toBe(calls)
      const extend = await entries(placed)
      expect(extend).toHaveLength(1)
      expect(extend[0].message).toBe(
        `Klarna reservation of order #${placed.order.display_id} expired on ${expired.expires_at.slice(0, 10)}: it can no longer be captured. Ask the customer to pay again for what you still ship.`
      )
      const view = await adminView(placed)
      expect(view.klarna.status).toBe("EXPIRED")
      expect(view.authorization).toMatchObject({ state: "expired", expires_at: new Date(expired.expires_at).toISOString(), days_left: 0 })
    })

    it("reads every uncaptured payment, page by page: each expiring reservation is extended once whatever comes before it", async () => {
      const captured = await place()
      expect((await api.post(`/admin/payments/${captured.payment.id}/capture`, {}, admin)).status).toBe(200)
      const far = await place()
      await expiresIn(far, 20)
      const expiring = [await place(), await place(), await place()]
      for (const placed of expiring) await expiresIn(placed, 2)

      const outcomes = await extendExpiringKlarnaAuthorizations(getContainer(), undefined, 1)
      const did = new Map(outcomes.map((o) => [o.order_id, o.did]))
      expect(expiring.map((p) => did.get(p.order.id))).toEqual(["extend", "extend", "extend"])
      expect([did.get(far.order.id), did.get(captured.order.id)]).toEqual([undefined, undefined])
      for (const placed of expiring) {
        expect(await extensionsOf(placed)).toHaveLength(1)
        expect((await entries(placed)).map((e) => e.outcome)).toEqual(["succeeded"])
      }
      expect(await extensionsOf(far)).toHaveLength(0)
    })

    it("ignores a fully captured order", async () => {
      const placed = await place()
      expect((await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)).status).toBe(200)
      await expiresIn(placed, 1)
      const calls = await klarnaCallsOf(placed)
      await run()
      expect(await klarnaCallsOf(placed)).toBe(calls)
      expect(await entries(placed)).toHaveLength(0)
      expect((await adminView(placed)).authorization.state).toBe("none")
    })
  },
})
