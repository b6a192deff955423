import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder, getOrder, om } from "../../../klarna-simulator/__tests__/support/harness"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../modules/klarna-order-management"
import { cancelKlarnaOrderWorkflow } from "../cancel-klarna-order"
import { restoreKlarnaAuthorizationWorkflow } from "../restore-klarna-authorization"
import { runKlarnaOrderOperationWorkflow } from "../run-klarna-order-operation"
import { simulatedKlarna } from "./support/simulated-klarna"

/** What query.graph answers for an order with one Klarna payment (amounts in major units, as Medusa stores them). */
const orderWithKlarnaPayment = (klarnaOrderId: string, captured = 0) => ({
  id: "order_1",
  display_id: 1,
  status: "canceled",
  currency_code: "sek",
  payment_collections: [
    {
      id: "pay_col_1",
      payments: [
        {
          id: "pay_1",
          provider_id: "pp_klarna_klarna",
          amount: 105,
          currency_code: "sek",
          canceled_at: "2026-12-06T10:00:00Z",
          created_at: "2026-12-06T09:00:00Z",
          data: { klarna_order_id: klarnaOrderId, payment_method: "pay_later" },
          captures: captured ? [{ amount: captured }] : [],
          refunds: [],
        },
      ],
    },
  ],
})

const requestsTo = async (klarna: Awaited<ReturnType<typeof simulatedKlarna>>, path: string) =>
  ((await klarna.harness.raw.get("/_sim/requests", { params: { path_contains: path } })).data as Array<{ method: string; path: string }>).filter(
    (r) => r.method !== "GET"
  )

describe("workflows that write to Klarna (against the simulator)", () => {
  let klarna: Awaited<ReturnType<typeof simulatedKlarna>>
  beforeAll(async () => {
    klarna = await simulatedKlarna()
  })
  afterAll(async () => {
    await klarna.stop()
  })

  describe("cancel-klarna-order", () => {
    const collaborators = (graph: unknown) => {
      const paymentUpdates: any[] = []
      const canceled: string[] = []
      return {
        paymentUpdates,
        canceled,
        registrations: {
          [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: [graph] }) },
          [Modules.PAYMENT]: { updatePayment: async (u: any) => paymentUpdates.push(u), cancelPayment: async (id: string) => canceled.push(id) },
          [KLARNA_ORDER_MANAGEMENT_MODULE]: { isEnabled: async () => true, automationBlock: async () => null },
        },
      }
    }

    it("cancels a Klarna order nothing was captured of, keeps Klarna's answer as the payment's state, and answers the entry", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      const c = collaborators(orderWithKlarnaPayment(klarnaOrderId))
      const { result } = await cancelKlarnaOrderWorkflow(klarna.containerWith(c.registrations)).run({ input: { order_id: "order_1", respect_toggle: true } })
      expect(result).toEqual(
        expect.objectContaining({ outcome: "succeeded", message: "Klarna order cancellation completed", payment_id: "pay_1", klarna_order_id: klarnaOrderId, amount: 10500 })
      )
      expect((await getOrder(klarna.harness, klarnaOrderId)).status).toBe("CANCELLED")
      expect(c.paymentUpdates).toEqual([expect.objectContaining({ id: "pay_1", data: expect.objectContaining({ klarna_status: "CANCELLED" }) })])
      // An order cancel already canceled the Medusa payment; only an admin's cancel ends it here.
      expect(c.canceled).toEqual([])
    })

    it("an admin's cancel also ends the Medusa payment; a second cancel sends nothing more to Klarna", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      const c = collaborators(orderWithKlarnaPayment(klarnaOrderId))
      const container = klarna.containerWith(c.registrations)
      await cancelKlarnaOrderWorkflow(container).run({ input: { order_id: "order_1", respect_toggle: false } })
      expect(c.canceled).toEqual(["pay_1"])
      const again = await cancelKlarnaOrderWorkflow(container).run({ input: { order_id: "order_1", respect_toggle: false } })
      expect(again.result).toEqual(expect.objectContaining({ outcome: "skipped", message: "Klarna order has already been cancelled." }))
      expect(await requestsTo(klarna, `${klarnaOrderId}/cancel`)).toHaveLength(1)
    })

    it("releases what remains after a partial capture instead of cancelling", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      await klarna.harness.api.post(om(klarnaOrderId, "/captures"), { captured_amount: 4000 }, { headers: { "Klarna-Idempotency-Key": `p-${klarnaOrderId}` } })
      const c = collaborators(orderWithKlarnaPayment(klarnaOrderId, 40))
      const { result } = await cancelKlarnaOrderWorkflow(klarna.containerWith(c.registrations)).run({ input: { order_id: "order_1", respect_toggle: true } })
      expect(result).toEqual(expect.objectContaining({ outcome: "succeeded", message: "Remaining Klarna authorization released: 65,00 SEK will not be charged.", amount: 6500 }))
      expect(await getOrder(klarna.harness, klarnaOrderId)).toEqual(expect.objectContaining({ status: "CAPTURED", remaining_authorized_amount: 0 }))
    })
  })

  describe("restore-klarna-authorization", () => {
    const previous = {
      order_amount: 10500,
      order_lines: [
        { type: "physical", reference: "SKU-1", name: "Shirt", quantity: 2, unit_price: 5000, tax_rate: 2500, total_amount: 10000, total_tax_amount: 2000 },
        { type: "shipping_fee", reference: "SHIP", name: "Shipping", quantity: 1, unit_price: 500, tax_rate: 2500, total_amount: 500, total_tax_amount: 100 },
      ],
    }
    const edited = {
      order_amount: 5500,
      order_tax_amount: 1100,
      order_lines: [
        { type: "physical", reference: "SKU-1", name: "Shirt", quantity: 1, unit_price: 5000, tax_rate: 2500, total_amount: 5000, total_tax_amount: 1000 },
        { type: "shipping_fee", reference: "SHIP", name: "Shipping", quantity: 1, unit_price: 500, tax_rate: 2500, total_amount: 500, total_tax_amount: 100 },
      ],
    }
    const withChangeStatus = (status: string) => ({ [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: [{ id: "ordch_1", status }] }) } })
    const input = (klarnaOrderId: string) => ({
      order_id: "order_1",
      payment_id: "pay_1",
      currency_code: "sek",
      provider_id: "pp_klarna_klarna",
      klarna_order_id: klarnaOrderId,
      change_key: "ordch_1~0",
      previous: previous as any,
    })
    const editInKlarna = async (klarnaOrderId: string) => {
      const res = await klarna.harness.api.patch(om(klarnaOrderId, "/authorization"), edited, { headers: { "Klarna-Idempotency-Key": `e-${klarnaOrderId}` } })
      expect(res.status).toBe(204)
    }

    it("puts Klarna's previous lines back when Medusa did not confirm the change", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      await editInKlarna(klarnaOrderId)
      const { result } = await restoreKlarnaAuthorizationWorkflow(klarna.containerWith(withChangeStatus("requested"))).run({ input: input(klarnaOrderId) })
      expect(result).toEqual(expect.objectContaining({ outcome: "succeeded", amount: 10500, message: expect.stringMatching(/^The order change was not confirmed in Medusa/) }))
      expect((await getOrder(klarna.harness, klarnaOrderId)).order_amount).toBe(10500)
    })

    it("leaves Klarna alone when Medusa confirmed the change after all", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      await editInKlarna(klarnaOrderId)
      const { result } = await restoreKlarnaAuthorizationWorkflow(klarna.containerWith(withChangeStatus("confirmed"))).run({ input: input(klarnaOrderId) })
      expect(result).toEqual(expect.objectContaining({ outcome: "skipped", message: "Medusa confirmed the change after all; Klarna keeps the updated order lines." }))
      expect((await getOrder(klarna.harness, klarnaOrderId)).order_amount).toBe(5500)
      expect(await requestsTo(klarna, `${klarnaOrderId}/authorization`)).toHaveLength(1)
    })
  })

  describe("run-klarna-order-operation", () => {
    const registrations = (graph: unknown, updates: any[] = []) => ({
      [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: [graph] }) },
      [Modules.PAYMENT]: { updatePayment: async (u: any) => updates.push(u) },
    })

    it("extends the authorization time once per request, with the new expiry in the entry and the payment", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      const before = (await getOrder(klarna.harness, klarnaOrderId)).expires_at
      const updates: any[] = []
      const container = klarna.containerWith(registrations(orderWithKlarnaPayment(klarnaOrderId), updates))
      const extend = () => runKlarnaOrderOperationWorkflow(container).run({ input: { order_id: "order_1", operation: "extend", request_key: "req-1" } })
      const { result } = await extend()
      await extend() // the same request again (a double click): Klarna replays it
      const after = (await getOrder(klarna.harness, klarnaOrderId)).expires_at
      expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime())
      expect(result).toEqual(expect.objectContaining({ outcome: "succeeded", message: `Klarna authorization time extended until ${after.slice(0, 10)}.` }))
      expect(updates.at(-1)).toEqual(expect.objectContaining({ id: "pay_1", data: expect.objectContaining({ expires_at: after }) }))
      const extensions = await requestsTo(klarna, `${klarnaOrderId}/extend-authorization-time`)
      // Both sends carry the request's one idempotency key, so Klarna extends once.
      const keys = extensions.map((r: any) => r.idempotency_key)
      expect(keys).toEqual([expect.any(String), keys[0]])
    })

    it("refuses to release an authorization nothing was captured of (cancel instead)", async () => {
      const klarnaOrderId = await placeOrder(klarna.harness)
      const container = klarna.containerWith(registrations(orderWithKlarnaPayment(klarnaOrderId)))
      await expect(
        runKlarnaOrderOperationWorkflow(container).run({ input: { order_id: "order_1", operation: "release", request_key: "req-2" } })
      ).rejects.toEqual(expect.objectContaining({ message: "Nothing has been captured yet: cancel the Klarna order instead of releasing its remaining authorization." }))
      expect(await requestsTo(klarna, `${klarnaOrderId}/release-remaining-authorization`)).toHaveLength(0)
    })
  })
})
