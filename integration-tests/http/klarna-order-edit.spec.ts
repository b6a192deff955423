import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { waitForKlarnaEvents } from "../helpers/events"
import { fetchOrderPayments } from "../helpers/orders"
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

    const product = (sku: string) => store.products.find((p) => p.sku === sku)!
    const place = (approval: Record<string, unknown> = {}) =>
      placeKlarnaOrder(api, getContainer(), store, [{ variant_id: product("TSHIRT-PINK").variant_id, quantity: 2 }], approval)

    async function editOrder(orderId: string, change: (orderId: string) => Promise<unknown>) {
      await api.post(`/admin/order-edits`, { order_id: orderId }, admin)
      await change(orderId)
      await api.post(`/admin/order-edits/${orderId}/request`, {}, admin)
      return api.post(`/admin/order-edits/${orderId}/confirm`, {}, admin).catch((e) => e.response)
    }

    const setQuantity = (quantity: number) => async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
      await api.post(`/admin/order-edits/${orderId}/items/item/${data.order.items[0].id}`, { quantity }, admin)
    }
    const addCoffee = async (orderId: string) =>
      api.post(`/admin/order-edits/${orderId}/items`, { items: [{ variant_id: product("COFFEE-500").variant_id, quantity: 1 }] }, admin)

    const activeKlarnaPayments = async (orderId: string) => {
      const order = await fetchOrderPayments(getContainer(), orderId)
      return (order.payment_collections ?? []).flatMap((c: any) => c.payments ?? []).filter((p: any) => !p.canceled_at)
    }

    it("a reduced order updates the Klarna reservation and stays capturable from Medusa", async () => {
      const placed = await place()
      expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(64700) // 2 × 299 + 49

      const res = await editOrder(placed.order.id, setQuantity(1))
      expect(res.status).toBe(200)

      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna).toEqual(expect.objectContaining({ status: "AUTHORIZED", order_amount: 34800 }))
      expect(klarna.order_lines.find((l: any) => l.reference === "TSHIRT-PINK")).toEqual(expect.objectContaining({ quantity: 1, total_amount: 29900 }))
      expect((await sim.requests(`${placed.klarna_order_id}/authorization`)).filter((r: any) => r.method === "PATCH")).toHaveLength(1)

      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update" && x.outcome === "succeeded"))
      expect(events.find((e) => e.action === "update").message).toBe("Klarna order updated. New order amount: 348,00 SEK.")

      // The edit's new payment collection is backed by the same Klarna order, never voided.
      const [payment] = await activeKlarnaPayments(placed.order.id)
      expect(payment.data.klarna_order_id).toBe(placed.klarna_order_id)
      expect(Number(payment.amount)).toBe(348)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const captured = await sim.order(placed.klarna_order_id)
      expect(captured).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 34800 }))
    })

    it("an increase is sent to Klarna when the payment method allows it (pay later / invoice)", async () => {
      const placed = await place({ payment_method_category: "pay_later" })
      const res = await editOrder(placed.order.id, addCoffee)
      expect(res.status).toBe(200)
      expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(64700 + 8990)
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update" && x.outcome === "succeeded"))
      const [payment] = await activeKlarnaPayments(placed.order.id)
      expect(payment.data.klarna_order_id).toBe(placed.klarna_order_id)
    })

    it("an increase Klarna refuses is not confirmed in Medusa and the admin gets Klarna's reason", async () => {
      // Paid by card: Klarna does not allow raising the order amount.
      const placed = await place({ payment_method_category: "pay_now", payment_method_type: "CARD" })
      const res = await editOrder(placed.order.id, addCoffee)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/Update not allowed|does not allow increasing/)

      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.order_amount).toBe(64700)
      const { data } = await api.get(`/admin/orders/${placed.order.id}?fields=total,items.id`, admin)
      expect(data.order.total).toBe(647)
      expect(data.order.items).toHaveLength(1)
      const [payment] = await activeKlarnaPayments(placed.order.id)
      expect(payment.id).toBe(placed.payment.id) // the original authorization is untouched
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update"))
      expect(events.find((e) => e.action === "update")).toEqual(expect.objectContaining({ outcome: "failed", error_code: "NOT_ALLOWED" }))
    })

    it("an edit after a capture is refused: the order is no longer a reservation in Klarna", async () => {
      const placed = await place()
      await api.post(`/admin/payments/${placed.payment.id}/capture`, { amount: 100 }, admin)
      const res = await editOrder(placed.order.id, setQuantity(1))
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("the order is no longer a reservation in Klarna")
      expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(64700)
    })

    it("with the update toggle off, Klarna is left as it was and the edit still goes through", async () => {
      const om = getContainer().resolve("klarnaOrderManagement") as any
      await om.updateSettings({ toggles: { update_on_edit: { pay_later: false } } })
      const placed = await place()
      const res = await editOrder(placed.order.id, setQuantity(1))
      expect(res.status).toBe(200)
      expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(64700)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update"))
      expect(events.find((e) => e.action === "update").message).toContain("on order update is off for pay later")
      // Still backed by the same Klarna order for the lower amount, so it can be captured.
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.filter((x) => x.action === "update").length >= 2)
      const [payment] = await activeKlarnaPayments(placed.order.id)
      expect(payment.data.klarna_order_id).toBe(placed.klarna_order_id)
      expect(Number(payment.amount)).toBe(348)
    })

    it("a claim after capture goes through and leaves the Klarna reservation alone", async () => {
      const placed = await place()
      await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
      const { data } = await api.get(`/admin/orders/${placed.order.id}?fields=items.id`, admin)
      const itemId = data.order.items[0].id
      await api.post(`/admin/orders/${placed.order.id}/fulfillments`, { items: [{ id: itemId, quantity: 2 }] }, admin)
      const { data: claim } = await api.post(`/admin/claims`, { order_id: placed.order.id, type: "replace" }, admin)
      const claimId = claim.claim.id
      await api.post(`/admin/claims/${claimId}/inbound/items`, { items: [{ id: itemId, quantity: 1 }] }, admin)
      await api.post(`/admin/claims/${claimId}/outbound/items`, { items: [{ variant_id: product("TSHIRT-PINK").variant_id, quantity: 1 }] }, admin)
      const res = await api.post(`/admin/claims/${claimId}/request`, {}, admin).catch((e) => e.response)
      expect(res.status).toBe(200)
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna).toEqual(expect.objectContaining({ status: "CAPTURED", order_amount: 64700 }))
      expect((await sim.requests(`${placed.klarna_order_id}/authorization`)).filter((r: any) => r.method === "PATCH")).toHaveLength(0)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update"))
      expect(events.find((e) => e.action === "update")).toEqual(
        expect.objectContaining({ outcome: "skipped", message: "Klarna order not updated: it has captures, so the change is settled with refunds." })
      )
    })
  },
})
