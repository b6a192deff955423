import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { createCart, placeKlarnaOrder, startKlarnaSession, storeHeaders } from "../helpers/checkout"
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

    const tshirt = () => store.products.find((p) => p.sku === "TSHIRT-PINK")!
    const coffee = () => store.products.find((p) => p.sku === "COFFEE-500")!

    describe("store checkout with Klarna", () => {
      it("creates a Klarna session from the cart on the server and an AUTHORIZED Klarna order on completion", async () => {
        const cartId = await createCart(api, store, [
          { variant_id: tshirt().variant_id, quantity: 2 },
          { variant_id: coffee().variant_id, quantity: 1 },
        ])
        // A storefront trying to set its own lines/amount is ignored.
        const { session } = await startKlarnaSession(api, store, cartId, {
          klarna_session: { order_amount: 1, order_lines: [{ name: "forged", quantity: 1, unit_price: 1, total_amount: 1 }] },
        })
        expect(session.data.client_token).toEqual(expect.any(String))
        expect(session.data.payment_method_categories.map((c: any) => c.identifier)).toContain("pay_later")

        const klarnaSession = session.data.klarna_session
        // 2 × 299,00 (25 %) + 89,90 (12 %) + shipping 49,00 (25 %) = 736,90 SEK
        expect(klarnaSession.order_amount).toBe(73690)
        expect(klarnaSession.purchase_country).toBe("SE")
        expect(klarnaSession.purchase_currency).toBe("SEK")
        const byRef = Object.fromEntries(klarnaSession.order_lines.map((l: any) => [l.reference, l]))
        expect(byRef["TSHIRT-PINK"]).toEqual(
          expect.objectContaining({ type: "physical", quantity: 2, unit_price: 29900, total_amount: 59800, tax_rate: 2500, total_tax_amount: 11960 })
        )
        expect(byRef["COFFEE-500"]).toEqual(
          expect.objectContaining({ quantity: 1, unit_price: 8990, total_amount: 8990, tax_rate: 1200, total_tax_amount: 963 })
        )
        const shipping = klarnaSession.order_lines.find((l: any) => l.type === "shipping_fee")
        expect(shipping).toEqual(expect.objectContaining({ total_amount: 4900, tax_rate: 2500, total_tax_amount: 980 }))

        const simSession = (await (await import("axios")).default.get(`${sim.url}/_sim/sessions/${session.data.klarna_session_id}`)).data
        expect(simSession.purchase.order_amount).toBe(73690)

        const headers = storeHeaders(store)
        // Completing before Klarna approved fails clearly and leaves the cart open.
        const early = await api.post(`/store/carts/${cartId}/complete`, {}, headers).catch((e) => e.response)
        expect(early.data.type ?? early.status).not.toBe("order")
        expect(JSON.stringify(early.data)).toMatch(/not approved the Klarna payment yet/)

        const { authorization_token } = await sim.approve(session.data.klarna_session_id, { payment_method_category: "pay_later" })
        await api.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, { cart_id: cartId, authorization_token }, headers)
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
        expect(data.type).toBe("order")

        const payment = await klarnaPaymentOf(getContainer(), data.order.id)
        expect(payment.data).toEqual(
          expect.objectContaining({
            klarna_status: "AUTHORIZED",
            payment_method: "pay_later",
            klarna_reference: expect.any(String),
            expires_at: expect.any(String),
            order_amount: 73690,
          })
        )
        expect(payment.data.authorization_token).toBeUndefined()
        // Klarna's order is made with the cart as its reference; once the order is placed, Medusa's number replaces it.
        await waitForKlarnaEvents(getContainer(), data.order.id, (e) => e.some((x) => x.action === "merchant_references" && x.outcome === "succeeded"), 15_000, {
          withMerchantReferences: true,
        })
        const klarnaOrder = await sim.order(payment.data.klarna_order_id)
        expect(klarnaOrder).toEqual(
          expect.objectContaining({
            status: "AUTHORIZED",
            order_amount: 73690,
            purchase_currency: "SEK",
            merchant_reference1: String(data.order.display_id),
            merchant_reference2: data.order.id,
          })
        )
        const creates = (await sim.requests("/authorizations/")).filter((r: any) => r.method === "POST" && r.path.endsWith("/order"))
        expect(creates.filter((r: any) => r.body?.merchant_reference2 === cartId)).toHaveLength(1)
      })

      it("rejects a bad authorization token body with 400", async () => {
        const res = await api
          .post(`/store/klarna/payment-sessions/payses_x/authorization-token`, { cart_id: "cart_x", authorization_token: "" }, storeHeaders(store))
          .catch((e) => e.response)
        expect(res.status).toBe(400)
      })
    })

    describe("admin capture, refund and cancel", () => {
      it("captures partially then fully, each Medusa capture becoming one Klarna capture", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        // 299 + 49 shipping = 348,00 SEK
        await api.post(`/admin/payments/${placed.payment.id}/capture`, { amount: 100 }, admin)
        let klarna = await sim.order(placed.klarna_order_id)
        expect(klarna).toEqual(expect.objectContaining({ status: "PART_CAPTURED", captured_amount: 10000, remaining_authorized_amount: 24800 }))

        await api.post(`/admin/payments/${placed.payment.id}/capture`, { amount: 248 }, admin)
        klarna = await sim.order(placed.klarna_order_id)
        expect(klarna).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 34800, remaining_authorized_amount: 0 }))
        expect(klarna.captures).toHaveLength(2)

        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captured_at).toBeTruthy()
        expect(payment.data.captures.map((c: any) => c.amount)).toEqual([10000, 24800])
        expect(payment.data.captures.map((c: any) => c.medusa_capture_id).sort()).toEqual(payment.captures.map((c: any) => c.id).sort())

        const captureCalls = (await sim.requests("/captures")).filter((r: any) => r.method === "POST")
        expect(captureCalls.every((r: any) => typeof r.idempotency_key === "string" && r.idempotency_key.length > 0)).toBe(true)
      })

      it("sends the order lines with a full capture", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: coffee().variant_id, quantity: 3 }])
        await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.status).toBe("CAPTURED")
        expect(klarna.captures[0].order_lines.map((l: any) => l.reference)).toEqual(klarna.order_lines.map((l: any) => l.reference))
      })

      it("adopts a capture made in Klarna's portal instead of capturing twice", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        await sim.portalCapture(placed.klarna_order_id, 34800)
        await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captured_at).toBeTruthy()
        expect(payment.data.captures).toEqual([
          expect.objectContaining({ capture_id: klarna.captures[0].capture_id, amount: 34800, adopted: true }),
        ])
      })

      it("refuses an over-capture with a clear reason and keeps Medusa and Klarna consistent", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        // The order was reduced in Klarna (e.g. in the portal) to 200,00 SEK; Medusa still thinks 348,00.
        const axios = (await import("axios")).default
        await axios.patch(
          `${sim.url}/ordermanagement/v1/orders/${placed.klarna_order_id}/authorization`,
          {
            order_amount: 20000,
            order_lines: [{ name: "Reduced", quantity: 1, unit_price: 20000, total_amount: 20000, tax_rate: 2500, total_tax_amount: 4000 }],
          },
          { auth: { username: "sim_user", password: "sim_password" }, headers: { "Klarna-Idempotency-Key": `reduce-${placed.klarna_order_id}` } }
        )
        const res = await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin).catch((e) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/higher than the remaining authorized amount 200,00 SEK/)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captured_amount).toBe(0)
        const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
        expect(payment.captures ?? []).toHaveLength(0)
        expect(payment.captured_at).toBeFalsy()
      })

      it("retries a capture after an injected 5xx and captures exactly once", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        await sim.fault({ method: "POST", path: "/captures", status: 503, times: 1 })
        await sim.fault({ method: "POST", path: "/captures", status: 500, times: 1, after: true })
        await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.captures).toHaveLength(1)
        expect(klarna.captured_amount).toBe(34800)
      })

      it("refunds part of a capture, and refuses to refund more than was captured", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 2 }])
        await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
        await api.post(`/admin/payments/${placed.payment.id}/refund`, { amount: 99.5, note: "Damaged print" }, admin)
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.refunded_amount).toBe(9950)
        expect(klarna.refunds[0]).toEqual(expect.objectContaining({ refunded_amount: 9950, description: "Damaged print" }))
        expect(klarna.refunds[0].reference).toMatch(/^ref_/)

        const over = await api.post(`/admin/payments/${placed.payment.id}/refund`, { amount: 600 }, admin).catch((e) => e.response)
        expect(over.status).toBeGreaterThanOrEqual(400)
        expect((await sim.order(placed.klarna_order_id)).refunded_amount).toBe(9950)
      })

      it("cancels the Klarna order when the Medusa order is canceled", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: coffee().variant_id, quantity: 1 }])
        await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, admin)
        // Medusa's cancelPayment is deferred by the provider; the order.canceled handling cancels in Klarna.
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "cancel"))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna.status).toBe("CANCELLED")
      })
    })
  },
})
