import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import axios from "axios"
import type { DemoStore } from "../../demo/seed-demo-store"
import { retryDueKlarnaActions as retryDueKlarnaAutomations } from "../../src/workflows/klarna-action/retry-due-klarna-actions"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { createCart, startKlarnaSession, storeHeaders } from "../helpers/checkout"
import { klarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    const sim = simulator()

    beforeEach(async () => {
      ;({ store } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000)

    /** A shopper approves in Klarna, and every response to the create-order is lost. */
    async function checkoutWithLostCreateOrder() {
      const headers = storeHeaders(store)
      const cartId = await createCart(api, store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      const { session } = await startKlarnaSession(api, store, cartId)
      const { authorization_token } = await sim.approve(session.data.klarna_session_id)
      await api.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, { cart_id: cartId, authorization_token }, headers)
      await sim.fault({ method: "POST", path: "/authorizations/", status: 500, times: 0, after: true })
      const completed = await api.post(`/store/carts/${cartId}/complete`, {}, headers).catch((e) => e.response)
      await sim.clearFaults()
      expect(completed.data.type).not.toBe("order")
      const orders = (await axios.get(`${sim.url}/_sim/orders`)).data as any[]
      const klarnaOrder = orders.find((o) => String(o.merchant_data ?? "").includes(session.id))
      expect(klarnaOrder?.status).toBe("AUTHORIZED")
      return { cartId, session, klarnaOrder, headers }
    }

    it("an approved checkout whose create-order response was lost becomes the Medusa order with the same Klarna order", async () => {
      const { cartId, klarnaOrder } = await checkoutWithLostCreateOrder()
      // Not before the storefront has had its chance.
      await retryDueKlarnaAutomations(getContainer(), new Date())
      const { data: early } = await api.get(`/store/carts/${cartId}`, storeHeaders(store))
      expect(early.cart.completed_at).toBeFalsy()

      await retryDueKlarnaAutomations(getContainer(), inMinutes(5))
      const query = getContainer().resolve("query") as any
      const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "order.id"], filters: { id: cartId } })
      const orderId = data[0].order?.id
      expect(orderId).toBeDefined()
      const payment = await klarnaPaymentOf(getContainer(), orderId)
      expect(payment.data.klarna_order_id).toBe(klarnaOrder.order_id)
      const orders = (await axios.get(`${sim.url}/_sim/orders`)).data as any[]
      expect(orders.filter((o) => o.order_id === klarnaOrder.order_id || String(o.merchant_data ?? "").includes(payment.payment_session_id ?? "§"))).toHaveLength(1)
      const events = await klarnaEvents(getContainer(), orderId)
      expect(events.find((e) => e.action === "authorize")).toEqual(
        expect.objectContaining({ outcome: "succeeded", message: expect.stringMatching(/sent the same Klarna order request again/) })
      )
      // The job runs every minute: a later tick changes nothing.
      await retryDueKlarnaAutomations(getContainer(), inMinutes(10))
      expect((await klarnaEvents(getContainer(), orderId)).filter((e) => e.action === "authorize")).toHaveLength(1)
    })

    it("when the cart can no longer become an order, the orphaned Klarna order is cancelled and logged", async () => {
      const { cartId, klarnaOrder } = await checkoutWithLostCreateOrder()
      // The cart lost its shipping method meanwhile: it cannot be completed any more.
      const carts = getContainer().resolve("cart") as any
      const methods = await carts.listShippingMethods({ cart_id: cartId })
      await carts.deleteShippingMethods(methods.map((m: any) => m.id))

      await retryDueKlarnaAutomations(getContainer(), inMinutes(5))
      expect((await sim.order(klarnaOrder.order_id)).status).toBe("CANCELLED")
      const events = await klarnaEvents(getContainer(), cartId)
      expect(events).toEqual([
        expect.objectContaining({
          action: "authorize",
          outcome: "succeeded",
          klarna_order_id: klarnaOrder.order_id,
          message: expect.stringMatching(/was cancelled, so the customer is not charged/),
        }),
      ])
    })

    it("a shopper who changes the cart after the lost response gets a new session, and the orphaned Klarna order is cancelled", async () => {
      const { cartId, klarnaOrder, headers } = await checkoutWithLostCreateOrder()
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant("COFFEE-500"), quantity: 1 }, headers)
      await startKlarnaSession(api, store, cartId)
      expect((await sim.order(klarnaOrder.order_id)).status).toBe("CANCELLED")
      await retryDueKlarnaAutomations(getContainer(), inMinutes(5))
      expect((await klarnaEvents(getContainer(), cartId)).map((e) => [e.action, e.outcome])).toEqual([["authorize", "skipped"]])
    })

    it("an ordinary checkout is recorded and its entry moves to the order", async () => {
      const headers = storeHeaders(store)
      const cartId = await createCart(api, store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      const { session } = await startKlarnaSession(api, store, cartId)
      const { authorization_token } = await sim.approve(session.data.klarna_session_id)
      await api.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, { cart_id: cartId, authorization_token }, headers)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      expect(data.type).toBe("order")
      await retryDueKlarnaAutomations(getContainer(), inMinutes(5))
      const events = await klarnaEvents(getContainer(), data.order.id)
      expect(events.filter((e) => e.action === "authorize")).toEqual([
        expect.objectContaining({ outcome: "succeeded", message: "Klarna authorized the payment and the order was placed." }),
      ])
      expect(await klarnaEvents(getContainer(), cartId)).toHaveLength(0)
    })
  },
})
