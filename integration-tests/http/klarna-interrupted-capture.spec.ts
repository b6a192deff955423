import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { klarnaClientFor } from "../../src/providers/klarna/provider-client"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../src/modules/klarna-order-management"
import { retryDueKlarnaActions } from "../../src/workflows/klarna-action/retry-due-klarna-actions"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { KLARNA_PROVIDER_ID, placeKlarnaOrder } from "../helpers/checkout"
import { waitForKlarnaEvents } from "../helpers/events"
import { fetchOrderPayments, klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

/**
 * What a process killed in the middle of Medusa's capture leaves (a capture row Klarna's answer
 * never reached, or an answered capture without its order transaction and collection total), and
 * how the next capture of the order finishes it: never a second Klarna capture, both ledgers agree.
 * The kill itself is tested with real processes in integration-tests/start/scale-out.spec.ts.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: store.products.find((p) => p.sku === "TSHIRT-PINK")!.variant_id, quantity: 1 }])
    const complete = (orderId: string) => api.post(`/admin/orders/${orderId}/complete`, {}, admin)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)

    /** A capture row as Medusa's payment module writes it before calling the provider. */
    const leaveCaptureRow = async (paymentId: string, id: string, createdAt: Date) =>
      knex()("capture").insert({ id, payment_id: paymentId, amount: 348, raw_amount: { value: "348", precision: 20 }, created_at: createdAt, updated_at: createdAt })

    const ledgers = async (orderId: string, klarnaOrderId: string) => {
      const order = await fetchOrderPayments(getContainer(), orderId)
      const payment = (await klarnaPaymentOf(getContainer(), orderId))!
      const transactions = await getContainer().resolve(Modules.ORDER).listOrderTransactions({ order_id: orderId })
      const klarna = await sim.order(klarnaOrderId)
      const [collection] = await knex()("payment_collection").where({ id: order.payment_collections[0].id }).select("status", "captured_amount")
      return {
        klarna_captures: klarna.captures.map((c: any) => c.captured_amount),
        medusa_captures: payment.captures.map((c: any) => Number(c.amount)),
        captured_at: !!payment.captured_at,
        collection: { status: collection.status, captured: Number(collection.captured_amount) },
        transactions: transactions.filter((t: any) => t.reference === "capture").map((t: any) => Number(t.amount)),
        capture_ids: payment.captures.map((c: any) => c.id),
      }
    }

    it("takes over what Klarna captured for a capture row its process never finished, instead of capturing again", async () => {
      const placed = await place()
      const payment = (await klarnaPaymentOf(getContainer(), placed.order.id))!
      // The dead process: its row, and Klarna's capture made with that row as reference; Medusa never heard back.
      await leaveCaptureRow(payment.id, "capt_killed_mid_capture", minutesAgo(10))
      await klarnaClientFor(getContainer(), KLARNA_PROVIDER_ID).captureOrder(placed.klarna_order_id, { captured_amount: 34800, reference: "capt_killed_mid_capture" }, "dead-process-key")

      await complete(placed.order.id)
      const [entry] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      expect(entry).toEqual(expect.objectContaining({ action: "capture", outcome: "succeeded" }))
      expect(entry.message).toMatch(/interrupted before Klarna's answer reached Medusa was resumed/)
      const after = await ledgers(placed.order.id, placed.klarna_order_id)
      expect(after).toEqual(
        expect.objectContaining({
          klarna_captures: [34800],
          medusa_captures: [348],
          captured_at: true,
          collection: { status: "completed", captured: 348 },
          transactions: [348],
        })
      )
      expect(after.capture_ids).not.toContain("capt_killed_mid_capture")
    })

    it("waits while an unfinished capture may still be running elsewhere, then captures once when it was abandoned before Klarna", async () => {
      const placed = await place()
      const payment = (await klarnaPaymentOf(getContainer(), placed.order.id))!
      await leaveCaptureRow(payment.id, "capt_maybe_running", new Date())

      await complete(placed.order.id)
      const [waiting] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      expect(waiting).toEqual(expect.objectContaining({ outcome: "pending_retry", attention: false }))
      expect(waiting.message).toMatch(/Another capture of this order has not finished yet/)
      expect((await sim.requests(`${placed.klarna_order_id}/captures`)).filter((r: any) => r.method === "POST")).toHaveLength(0)

      // Later: the row's process is gone (nothing reached Klarna); the retry job captures, once.
      await knex()("capture").where({ id: "capt_maybe_running" }).update({ created_at: minutesAgo(10) })
      await retryDueKlarnaActions(getContainer(), new Date(Date.now() + 10 * 60_000))
      const entry = (await getContainer().resolve(KLARNA_ORDER_MANAGEMENT_MODULE).findEventByOperationKey(waiting.operation_key)) as any
      expect(entry.outcome).toBe("succeeded")
      expect(await ledgers(placed.order.id, placed.klarna_order_id)).toEqual(
        expect.objectContaining({ klarna_captures: [34800], medusa_captures: [348], captured_at: true, collection: { status: "completed", captured: 348 }, transactions: [348] })
      )
    })

    it("gives an answered capture the collection total and order transaction its killed process never wrote", async () => {
      const placed = await place()
      const payment = (await klarnaPaymentOf(getContainer(), placed.order.id))!
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      // The state a kill right after Klarna's answer leaves: no order transaction, the collection not updated.
      const order = await fetchOrderPayments(getContainer(), placed.order.id)
      await knex()("order_transaction").where({ order_id: placed.order.id, reference: "capture" }).delete()
      await knex()("payment_collection")
        .where({ id: order.payment_collections[0].id })
        .update({ status: "authorized", captured_amount: 0, raw_captured_amount: { value: "0", precision: 20 }, completed_at: null })
      await knex()("capture").where({ payment_id: payment.id }).update({ created_at: minutesAgo(10) })

      await complete(placed.order.id)
      const [entry] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      expect(entry).toEqual(expect.objectContaining({ action: "capture", outcome: "succeeded" }))
      expect(entry.message).toMatch(/A capture Klarna had made was recorded on the order/)
      expect(await ledgers(placed.order.id, placed.klarna_order_id)).toEqual(
        expect.objectContaining({ klarna_captures: [34800], medusa_captures: [348], captured_at: true, collection: { status: "completed", captured: 348 }, transactions: [348] })
      )
    })
  },
})
