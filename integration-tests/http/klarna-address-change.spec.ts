import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder } from "../helpers/checkout"
import { klarnaEvents } from "../helpers/events"
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
    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
    const editAddress = (orderId: string, body: Record<string, unknown>) =>
      api.post(`/admin/orders/${orderId}?fields=id,shipping_address.*`, body, admin).catch((e) => e.response)
    const om = () => getContainer().resolve("klarnaOrderManagement") as any
    const addressEvents = async (orderId: string) => (await klarnaEvents(getContainer(), orderId)).filter((e) => e.action === "customer_details")

    it("sends an edited shipping address of a reservation to Klarna, then changes Medusa's", async () => {
      const placed = await place()
      const res = await editAddress(placed.order.id, { shipping_address: { address_1: "Nygatan 2", postal_code: "11122", city: "Stockholm" } })
      expect(res.status).toBe(200)
      expect(res.data.order.shipping_address).toEqual(expect.objectContaining({ address_1: "Nygatan 2", city: "Stockholm", country_code: "se" }))
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.shipping_address).toEqual(
        expect.objectContaining({ street_address: "Nygatan 2", postal_code: "11122", city: "Stockholm", country: "SE", given_name: "Testperson-se" })
      )
      const [event] = await addressEvents(placed.order.id)
      expect(event).toEqual(expect.objectContaining({ outcome: "succeeded", actor: expect.stringMatching(/^user_/), message: expect.stringContaining("Nygatan 2, 11122, Stockholm") }))
    })

    it("refuses the edit with Klarna's reason when Klarna refuses the address: both keep the old one", async () => {
      const placed = await place()
      await sim.refuseAddressChanges(placed.klarna_order_id, "Address change not approved by Klarna")
      const res = await editAddress(placed.order.id, { shipping_address: { address_1: "Nygatan 2" } })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/^Klarna refused the new shipping address: .*Address change not approved by Klarna.* The order's shipping address was not changed\.$/)
      const { data } = await api.get(`/admin/orders/${placed.order.id}?fields=shipping_address.*`, admin)
      expect(data.order.shipping_address.address_1).toBe("Stårgatan 1")
      expect((await sim.order(placed.klarna_order_id)).shipping_address.street_address).toBe("Stårgatan 1")
      expect(await addressEvents(placed.order.id)).toEqual([expect.objectContaining({ outcome: "failed", attention: false })])
    })

    it("puts Klarna's address back when Medusa does not take the edit after Klarna did", async () => {
      const placed = await place()
      const res = await editAddress(placed.order.id, { shipping_address: { address_1: "Nygatan 9" }, email: "not-an-email" })
      expect(res.status).toBe(400)
      expect((await sim.order(placed.klarna_order_id)).shipping_address.street_address).toBe("Stårgatan 1")
      const events = await addressEvents(placed.order.id)
      expect(events.map((e) => [e.outcome, e.message.slice(0, 40)])).toEqual([
        ["succeeded", "Klarna's shipping address was updated: N"],
        ["succeeded", "Klarna's shipping address was put back ("],
      ])
      const patches = ((await sim.requests(placed.klarna_order_id)) as any[]).filter((r) => r.path.endsWith("/customer-details"))
      expect(patches).toHaveLength(2)
    })

    it("leaves Klarna alone when the toggle is off for the method, when the order is left alone, and once it is captured", async () => {
      await om().updateSettings({ toggles: { address_to_klarna: { pay_later: false } } })
      const off = await place()
      expect((await editAddress(off.order.id, { shipping_address: { address_1: "Toggle 1" } })).status).toBe(200)
      expect((await sim.order(off.klarna_order_id)).shipping_address.street_address).toBe("Stårgatan 1")
      expect((await addressEvents(off.order.id))[0]).toEqual(expect.objectContaining({ outcome: "skipped", message: expect.stringContaining("is off for pay later") }))
      await om().updateSettings({ toggles: { address_to_klarna: { pay_later: true } } })

      const alone = await place()
      await om().setOrderAutomation(alone.order.id, { enabled: false, reason: "customer handles shipping", changed_by: "user_1" })
      expect((await editAddress(alone.order.id, { shipping_address: { address_1: "Alone 1" } })).status).toBe(200)
      expect((await addressEvents(alone.order.id))[0].message).toContain("customer handles shipping")
      expect((await sim.order(alone.klarna_order_id)).shipping_address.street_address).toBe("Stårgatan 1")

      const captured = await place()
      await api.post(`/admin/payments/${captured.payment.id}/capture`, {}, admin)
      expect((await editAddress(captured.order.id, { shipping_address: { address_1: "Later 1" } })).status).toBe(200)
      expect((await addressEvents(captured.order.id))[0]).toEqual(expect.objectContaining({ outcome: "skipped", message: expect.stringContaining("no longer a reservation") }))
      expect(((await sim.requests(captured.klarna_order_id)) as any[]).filter((r) => r.path.endsWith("/customer-details"))).toEqual([])
    })
  },
})
