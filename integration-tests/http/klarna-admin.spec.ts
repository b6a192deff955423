import axios from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { waitForKlarnaEvents } from "../helpers/events"
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

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const place = (approval: Record<string, unknown> = {}) =>
      placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }], approval)
    const post = (path: string, body: unknown = {}) => api.post(path, body, admin).catch((e) => e.response)

    describe("settings API", () => {
      it("reads defaults, saves a per-method toggle, and the next order uses it", async () => {
        const { data } = await api.get("/admin/klarna/settings", admin)
        expect(data.settings.toggles.capture_on_complete).toEqual({ klarna_checkout: true, pay_later: true, pay_over_time: true, pay_now: true })
        expect(data.settings.completion_trigger).toBe("order.completed")
        expect(data.connection).toEqual(expect.objectContaining({ provider_registered: true, simulator: true, credentials_configured: true }))
        expect(JSON.stringify(data)).not.toContain("sim_password")

        const saved = await post("/admin/klarna/settings", { toggles: { capture_on_complete: { pay_over_time: false } } })
        expect(saved.status).toBe(200)
        expect(saved.data.settings.toggles.capture_on_complete).toEqual({ klarna_checkout: true, pay_later: true, pay_over_time: false, pay_now: true })

        const placed = await place({ payment_method_category: "pay_over_time" })
        await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
        const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.length > 0)
        expect(event.outcome).toBe("skipped")
        expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")
      })

      it.each([
        [{ toggles: { capture_on_complete: { pay_later: "yes" } } }],
        [{ toggles: { on_refund: { pay_later: true } } }],
        [{ completion_trigger: "order.placed" }],
        [{ goodwill_vat_policy: "whatever" }],
        [{ unknown: 1 }],
      ])("rejects %o with 400", async (body) => {
        const res = await post("/admin/klarna/settings", body)
        expect(res.status).toBe(400)
        const after = await api.get("/admin/klarna/settings", admin)
        expect(after.data.settings.toggles.capture_on_complete.pay_later).toBe(true)
      })

      it("requires an authenticated admin for every Klarna admin route", async () => {
        for (const [method, path] of [
          ["get", "/admin/klarna/settings"],
          ["post", "/admin/klarna/settings"],
          ["get", "/admin/klarna/orders/order_x"],
          ["post", "/admin/klarna/orders/order_x/capture"],
          ["post", "/admin/klarna/orders/order_x/cancel"],
          ["get", "/admin/klarna/attention"],
        ] as const) {
          const res = await (api as any)[method](path, ...(method === "post" ? [{}] : [])).catch((e: any) => e.response)
          expect([path, res.status]).toEqual([path, 401])
        }
      })
    })

    describe("manual actions and the order's Klarna state", () => {
      it("captures an amount, releases the rest, and shows live state with the event log", async () => {
        const placed = await place()
        const bad = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: -5 })
        expect(bad.status).toBe(400)

        const captured = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 100 })
        expect(captured.status).toBe(200)
        expect(captured.data.event).toEqual(expect.objectContaining({ action: "capture", outcome: "succeeded", amount_minor: 10000 }))
        expect(captured.data.event.actor).toMatch(/^user:/)

        const released = await post(`/admin/klarna/orders/${placed.order.id}/release`)
        expect(released.data.event.message).toBe("Remaining Klarna authorization released: 248,00 SEK will not be charged.")

        const { data } = await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)
        expect(data.klarna).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 10000, remaining_authorized_amount: 0 }))
        expect(data.events.map((e: any) => e.action).filter((a: string) => a !== "merchant_references")).toEqual(["release", "capture"])
        expect(data.payment.data.klarna_order_id).toBe(placed.klarna_order_id)
      })

      it("cancels in Klarna on request, and refuses a second cancel with Klarna's state", async () => {
        const placed = await place()
        const res = await post(`/admin/klarna/orders/${placed.order.id}/cancel`)
        expect(res.data.event.message).toBe("Klarna order cancellation completed")
        expect((await sim.order(placed.klarna_order_id)).status).toBe("CANCELLED")
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.canceled_at).toBeTruthy()
        const capture = await post(`/admin/klarna/orders/${placed.order.id}/capture`)
        expect(capture.data.event?.outcome ?? capture.status).not.toBe("succeeded")
      })

      it("extends the authorization time", async () => {
        const placed = await place()
        await sim.expire(placed.klarna_order_id)
        const expired = await post(`/admin/klarna/orders/${placed.order.id}/extend`)
        expect(expired.status).toBe(400)
        expect(expired.data.message).toMatch(/expired/i)

        const fresh = await place()
        const ok = await post(`/admin/klarna/orders/${fresh.order.id}/extend`)
        expect(ok.status).toBe(200)
        expect(ok.data.event).toEqual(expect.objectContaining({ action: "extend", outcome: "succeeded" }))
        expect(ok.data.event.message).toMatch(/^Klarna authorization time extended until \d{4}-\d{2}-\d{2}\.$/)
      })

      it("syncs a capture and a refund made in Klarna's portal into Medusa", async () => {
        const placed = await place()
        await sim.portalCapture(placed.klarna_order_id, 34800)
        await axios.post(`${sim.url}/_sim/orders/${placed.klarna_order_id}/portal-refund`, { amount: 5000 })
        const res = await post(`/admin/klarna/orders/${placed.order.id}/sync`)
        expect(res.status).toBe(200)
        expect(res.data.event.message).toContain("capture of 348,00 SEK made in Klarna recorded")
        expect(res.data.event.message).toContain("refund of 50,00 SEK made in Klarna recorded")
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captures.map((c: any) => Number(c.amount))).toEqual([348])
        expect(payment.refunds.map((r: any) => Number(r.amount))).toEqual([50])
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        expect(klarna.refunds).toHaveLength(1)
      })

      it("lists actions that need attention", async () => {
        const placed = await place()
        await sim.fault({ method: "POST", path: "/captures", status: 500, times: 0 })
        await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.outcome === "pending_retry"))
        const { data } = await api.get("/admin/klarna/attention", admin)
        expect(data.events.map((e: any) => e.order_id)).toContain(placed.order.id)
        await sim.clearFaults()
      })
    })

    describe("fraud notifications", () => {
      it("an accepted pending order becomes authorized; a rejected one is flagged and never captured", async () => {
        const accepted = await place({ fraud_status: "PENDING" })
        const acceptedId = accepted.klarna_order_id ?? (await klarnaOrderIdFromSession(accepted))
        await sim.fraudDecision(acceptedId, "ACCEPTED")
        await api.post(`/hooks/payment/klarna_klarna`, { order_id: acceptedId, event_type: "FRAUD_RISK_ACCEPTED" })
        const events = await waitForKlarnaEvents(getContainer(), accepted.order.id, (e) => e.some((x) => x.action === "webhook"))
        expect(events.find((e) => e.action === "webhook")).toEqual(expect.objectContaining({ outcome: "succeeded", message: "Payment with Klarna is accepted." }))
        await waitFor(async () => !!(await klarnaPaymentOf(getContainer(), accepted.order.id)))

        const rejected = await place({ fraud_status: "PENDING" })
        const rejectedId = rejected.klarna_order_id ?? (await klarnaOrderIdFromSession(rejected))
        await sim.fraudDecision(rejectedId, "REJECTED")
        await api.post(`/hooks/payment/klarna_klarna`, { order_id: rejectedId, event_type: "FRAUD_RISK_REJECTED" })
        const flagged = await waitForKlarnaEvents(getContainer(), rejected.order.id, (e) => e.some((x) => x.action === "webhook"))
        expect(flagged.find((e) => e.action === "webhook")).toEqual(expect.objectContaining({ outcome: "needs_attention" }))
        expect(flagged.find((e) => e.action === "webhook").message).toMatch(/^Klarna order rejected\. Klarna has identified this order/)
        const capture = await post(`/admin/klarna/orders/${rejected.order.id}/capture`)
        expect(capture.data?.event?.outcome ?? capture.status).not.toBe("succeeded")
        expect((await sim.order(rejectedId)).captured_amount).toBe(0)
      })

      it("ignores notifications for orders Klarna does not know", async () => {
        const res = await api.post(`/hooks/payment/klarna_klarna`, { order_id: "00000000-0000-0000-0000-000000000000" })
        expect(res.status).toBe(200)
      })
    })

    async function klarnaOrderIdFromSession(placed: { payment_session: any }) {
      const payments = getContainer().resolve("payment") as any
      const session = await payments.retrievePaymentSession(placed.payment_session.id)
      return session.data.klarna_order_id as string
    }

    async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        if (await check()) return
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error("condition not met in time")
    }
  },
})
