import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

/**
 * Amounts and ids the admin sends to the Klarna order routes: refused with a
 * merchant-readable 400, never rounded, clamped or answered with a 500.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    /** 1 × T-shirt + shipping = 348,00 SEK. */
    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
    const post = (path: string, body: unknown = {}) => api.post(path, body, admin).catch((e) => e.response)
    const get = (path: string) => api.get(path, admin).catch((e) => e.response)
    const captureCalls = async (klarnaOrderId: string) =>
      (await sim.requests(`/ordermanagement/v1/orders/${klarnaOrderId}/captures`)).filter((r: any) => r.method === "POST")

    async function expectNothingCaptured(placed: { order: any; klarna_order_id: string }) {
      expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(0)
      expect(await captureCalls(placed.klarna_order_id)).toHaveLength(0)
      expect((await klarnaPaymentOf(getContainer(), placed.order.id)).captures ?? []).toHaveLength(0)
    }

    describe("manual capture amounts", () => {
      it("refuses more than the remainder, naming it, and captures nothing", async () => {
        const placed = await place()
        const res = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 3480 })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("Cannot capture 3 480,00 SEK: only 348,00 SEK is left to capture on this order.")
        await expectNothingCaptured(placed)
        const { data } = await get(`/admin/klarna/orders/${placed.order.id}`)
        // The refused capture left no entry (the order's merchant references have their own).
        expect(data.events.filter((e: any) => e.action !== "merchant_references")).toHaveLength(0)
      })

      it("refuses more decimals than SEK has instead of rounding (10.005 SEK)", async () => {
        const placed = await place()
        const res = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 10.005 })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("10.005 SEK cannot be charged: SEK amounts have at most 2 decimals.")
        await expectNothingCaptured(placed)
      })

      it("refuses an amount smaller than one öre instead of calling the order captured (0.001 SEK)", async () => {
        const placed = await place()
        const res = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 0.001 })
        expect(res.status).toBe(400)
        expect(res.data.message).toBe("0.001 SEK is less than the smallest SEK amount, 0,01 SEK.")
        expect(res.data.message).not.toMatch(/already been captured/)
        await expectNothingCaptured(placed)
      })

      it("captures a valid partial amount exactly, then refuses more than what is left", async () => {
        const placed = await place()
        const res = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 100.55 })
        expect(res.status).toBe(200)
        expect(res.data.event).toEqual(expect.objectContaining({ action: "capture", outcome: "succeeded", amount_minor: 10055 }))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captured_amount).toBe(10055)
        expect(klarna.captures.map((c: any) => c.captured_amount)).toEqual([10055])
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captures.map((c: any) => Number(c.amount))).toEqual([100.55])

        const over = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 247.46 })
        expect(over.status).toBe(400)
        expect(over.data.message).toBe("Cannot capture 247,46 SEK: only 247,45 SEK is left to capture on this order.")
        expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(10055)

        const rest = await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 247.45 })
        expect(rest.status).toBe(200)
        expect((await sim.order(placed.klarna_order_id)).captured_amount).toBe(34800)
      })
    })

    describe("refund-preview amounts", () => {
      it("refuses too many decimals, less than one öre, and more than was captured; a valid amount is planned", async () => {
        const placed = await place()
        await post(`/admin/klarna/orders/${placed.order.id}/capture`, { amount: 250 })
        const preview = (amount: number) => post(`/admin/klarna/orders/${placed.order.id}/refund-preview`, { amount })

        const decimals = await preview(10.005)
        expect([decimals.status, decimals.data.message]).toEqual([400, "10.005 SEK cannot be charged: SEK amounts have at most 2 decimals."])
        const tiny = await preview(0.001)
        expect([tiny.status, tiny.data.message]).toEqual([400, "0.001 SEK is less than the smallest SEK amount, 0,01 SEK."])
        const over = await preview(2500)
        expect(over.status).toBe(400)
        expect(over.data.message).toContain("250,00 SEK")

        const ok = await preview(10.5)
        expect(ok.status).toBe(200)
        expect(ok.data.plan.amount_minor).toBe(1050)
      })
    })

    describe("ids in the URL", () => {
      const routes: Array<["get" | "post", string, unknown?]> = [
        ["get", ""],
        ["post", "/capture", {}],
        ["post", "/capture", { amount: 10 }],
        ["post", "/cancel"],
        ["post", "/release"],
        ["post", "/extend"],
        ["post", "/sync"],
        ["post", "/refund-preview", { amount: 10 }],
      ]

      it.each(["%00", "order_1%00", "%0A", "a%1Fb", "%7F"])("answers 400 (never 500) for %s on every /admin/klarna/orders/:id route", async (id) => {
        for (const [method, suffix, body] of routes) {
          const path = `/admin/klarna/orders/${id}${suffix}`
          const res = method === "get" ? await get(path) : await post(path, body ?? {})
          expect([method, path, res.status]).toEqual([method, path, 400])
          expect(res.data.message).toMatch(/^Invalid id in the URL: it must not contain control characters\.$/)
        }
      })

      it.each([
        ["get", "/admin/klarna/woocommerce-imports/%00", {}],
        ["post", "/admin/klarna/attention/%00/retry", {}],
        ["post", "/admin/klarna/attention/kev_1%0A/dismiss", { note: "x" }],
      ] as Array<[string, string, Record<string, unknown>]>)("answers 400 (never 500) for %s %s", async (method, path, body) => {
        const res = method === "get" ? await get(path) : await post(path, body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/^Invalid id in the URL/)
      })

      it("still answers 404 for an ordinary unknown id, and 401 without a login", async () => {
        expect((await get("/admin/klarna/orders/order_unknown")).status).toBe(404)
        const anonymous = await api.get("/admin/klarna/orders/%00").catch((e) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
