import { randomUUID } from "node:crypto"
import axios from "axios"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, type PlacedOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"
import { recheckPendingFraudReviews } from "../../src/workflows/recheck-klarna-fraud-reviews"

jest.setTimeout(120_000)

const HOOK = "/hooks/payment/klarna_klarna"
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Klarna's fraud notifications are unsigned: anyone who knows a Klarna order
 * id (a shopper can read their own) can send one. Only Klarna's own
 * fraud_status, read back from Klarna, may change anything, once, and the
 * route must not let notifications turn into a flood of Klarna requests.
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
    const place = (approval: Record<string, unknown> = {}) =>
      placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }], approval)
    const notify = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
      axios
        .post(`${api.defaults.baseURL}${HOOK}`, typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body), {
          headers,
          maxBodyLength: Infinity,
          validateStatus: () => true,
        })
        .then((r) => r)

    async function klarnaIdOf(placed: PlacedOrder) {
      if (placed.klarna_order_id) return placed.klarna_order_id
      const session = await (getContainer().resolve(Modules.PAYMENT) as any).retrievePaymentSession(placed.payment_session.id)
      return session.data.klarna_order_id as string
    }
    const orderReads = async (klarnaOrderId: string) =>
      (await sim.requests(`/ordermanagement/v1/orders/${klarnaOrderId}`)).filter(
        (r: any) => r.method === "GET" && r.path === `/ordermanagement/v1/orders/${klarnaOrderId}`
      ).length
    const allOrderReads = async () => (await sim.requests("/ordermanagement/v1/orders/")).filter((r: any) => r.method === "GET").length

    /** Waits until the notification has been processed: the provider and the fraud subscriber each read the order once. */
    async function processed(klarnaOrderId: string, readsBefore: number) {
      const deadline = Date.now() + 15_000
      while ((await orderReads(klarnaOrderId)) < readsBefore + 2) {
        if (Date.now() > deadline) throw new Error(`notification for ${klarnaOrderId} was not processed`)
        await sleep(100)
      }
      await sleep(1_000) // what follows the reads is local: finding the order, writing the log
    }
    const webhookEvents = async (orderId: string) => (await klarnaEvents(getContainer(), orderId)).filter((e) => e.action === "webhook")
    const attention = async () => (await api.get("/admin/klarna/attention?limit=200", admin)).data.events.map((e: any) => e.order_id)

    it("a forged FRAUD_RISK_ACCEPTED for an order Klarna still holds as PENDING logs nothing and authorizes nothing", async () => {
      const placed = await place({ fraud_status: "PENDING" })
      const klarnaId = await klarnaIdOf(placed)
      const before = await orderReads(klarnaId)
      const res = await notify({ order_id: klarnaId, event_type: "FRAUD_RISK_ACCEPTED" })
      expect(res.status).toBe(200)
      await processed(klarnaId, before)

      expect(await klarnaEvents(getContainer(), placed.order.id)).toEqual([])
      expect(await klarnaPaymentOf(getContainer(), placed.order.id)).toBeUndefined()
      const session = await (getContainer().resolve(Modules.PAYMENT) as any).retrievePaymentSession(placed.payment_session.id)
      expect(session.status).toBe("pending_authorization")
    })

    it("a forged FRAUD_RISK_REJECTED for an ACCEPTED order flags nothing", async () => {
      const placed = await place()
      const before = await orderReads(placed.klarna_order_id)
      const res = await notify({ order_id: placed.klarna_order_id, event_type: "FRAUD_RISK_REJECTED" })
      expect(res.status).toBe(200)
      await processed(placed.klarna_order_id, before)

      expect(await klarnaEvents(getContainer(), placed.order.id)).toEqual([])
      expect(await attention()).not.toContain(placed.order.id)
      const capture = await api.post(`/admin/klarna/orders/${placed.order.id}/capture`, {}, admin)
      expect(capture.data.event.outcome).toBe("succeeded")
    })

    it("Klarna's real acceptance is logged exactly once, however often and however concurrently it is notified", async () => {
      const placed = await place({ fraud_status: "PENDING" })
      const klarnaId = await klarnaIdOf(placed)
      await sim.fraudDecision(klarnaId, "ACCEPTED")
      const body = { order_id: klarnaId, event_id: randomUUID(), event_type: "FRAUD_RISK_ACCEPTED" }

      const first = await notify(body)
      const again = [] as number[]
      for (let i = 0; i < 4; i++) again.push((await notify(body)).status)
      const parallel = await Promise.all(Array.from({ length: 5 }, () => notify(body)))
      expect(first.status).toBe(200)
      // Held back (Klarna sends a notification again when it is not answered 200), never lost or 500.
      expect([...again, ...parallel.map((r) => r.status)]).toEqual(Array(9).fill(429))
      expect(Number(parallel[0].headers["retry-after"])).toBeGreaterThan(0)

      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "webhook"))
      const waitForPayment = async () => {
        const deadline = Date.now() + 15_000
        while (!(await klarnaPaymentOf(getContainer(), placed.order.id))) {
          if (Date.now() > deadline) throw new Error("the accepted payment was not authorized in Medusa")
          await sleep(200)
        }
      }
      await waitForPayment()

      // The same notification delivered past the route's limits (another server, a later retry): still one entry.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const reads = await orderReads(klarnaId)
      await eventBus.emit(
        Array.from({ length: 5 }, (_, i) => ({
          name: "payment.webhook_received",
          data: { provider: "klarna_klarna", payload: { data: { ...body, event_id: `${body.event_id}-${i}` }, headers: {} } },
        }))
      )
      const deadline = Date.now() + 15_000
      while ((await orderReads(klarnaId)) < reads + 10 && Date.now() < deadline) await sleep(100)
      await sleep(1_500)

      const logged = await webhookEvents(placed.order.id)
      expect(logged).toHaveLength(1)
      expect(logged[0]).toEqual(expect.objectContaining({ outcome: "succeeded", message: "Payment with Klarna is accepted." }))
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data).toEqual(expect.objectContaining({ fraud_status: "ACCEPTED", held_for_fraud_review: true }))
    })

    it("a decision whose notification never arrives is found by the scheduled re-check, once", async () => {
      const placed = await place({ fraud_status: "PENDING" })
      const klarnaId = await klarnaIdOf(placed)
      await sim.fraudDecision(klarnaId, "ACCEPTED")
      expect(await recheckPendingFraudReviews(getContainer())).toBe(1)
      const deadline = Date.now() + 15_000
      while (!(await klarnaPaymentOf(getContainer(), placed.order.id))) {
        if (Date.now() > deadline) throw new Error("the accepted payment was not authorized in Medusa")
        await sleep(200)
      }
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "webhook"))
      // Nothing is pending any more: the next run asks Klarna nothing.
      expect(await recheckPendingFraudReviews(getContainer())).toBe(0)
      expect(await webhookEvents(placed.order.id)).toEqual([expect.objectContaining({ message: "Payment with Klarna is accepted." })])
    })

    it("Klarna's real rejection is flagged and listed under attention, whatever the notification claims", async () => {
      const placed = await place({ fraud_status: "PENDING" })
      const klarnaId = await klarnaIdOf(placed)
      await sim.fraudDecision(klarnaId, "REJECTED")
      // Whatever the notification claims, the decision is Klarna's.
      expect((await notify({ order_id: klarnaId, event_type: "FRAUD_RISK_ACCEPTED" })).status).toBe(200)
      const [flagged] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "webhook"))
      expect(flagged).toEqual(expect.objectContaining({ action: "webhook", outcome: "needs_attention" }))
      expect(flagged.message).toMatch(/^Klarna order rejected\. Klarna has identified this order/)
      expect(await attention()).toContain(placed.order.id)
      const feed = await (getContainer().resolve(Modules.NOTIFICATION) as any).listNotifications({ channel: "feed" })
      expect(feed.map((n: any) => n.data.title)).toEqual([`Klarna fraud decision needs attention: order #${placed.order.display_id}`])
    })

    it("answers garbage with 400 (413 when too large), never 500, and without asking Klarna anything", async () => {
      const id = randomUUID()
      const reads = await allOrderReads()
      const json = { "content-type": "application/json" }
      const cases: Array<[string, unknown, Record<string, string>?]> = [
        ["not JSON", "this is not json", json],
        ["truncated JSON", '{"order_id": "', json],
        ["raw NUL bytes", Buffer.from(`{"order_id":"${id}\0"}`), json],
        ["JSON null", "null", json],
        ["a number", "42", json],
        ["an array", [id], json],
        ["an empty object", {}, json],
        ["an order id with NUL", { order_id: `${id}\u0000` }, json],
        ["an order id with a newline", { order_id: `${id}\n` }, json],
        ["an order id that is an object", { order_id: { $gt: "" } }, json],
        ["an order id that is not a UUID", { order_id: "../../admin/users" }, json],
        ["a Medusa order id", { order_id: "order_01JABCDEFGHJKMNPQRSTVWXYZ" }, json],
        ["plain text", "order_id=" + id, { "content-type": "text/plain" }],
        ["a form with NUL", `order_id=${id}%00`, { "content-type": "application/x-www-form-urlencoded" }],
      ]
      for (const [what, body, headers] of cases) {
        const res = await notify(body, headers)
        expect([what, res.status]).toEqual([what, 400])
      }
      const huge = await notify({ order_id: id, padding: "x".repeat(5_000_000) })
      expect(huge.status).toBe(413)

      await sleep(500)
      expect(await allOrderReads()).toBe(reads)
    })

    it("50 notifications for one order cause a bounded handful of Klarna reads", async () => {
      const placed = await place({ fraud_status: "PENDING" })
      const klarnaId = await klarnaIdOf(placed)
      const before = await orderReads(klarnaId)
      const statuses = (await Promise.all(Array.from({ length: 50 }, () => notify({ order_id: klarnaId, event_type: "FRAUD_RISK_ACCEPTED" })))).map(
        (r) => r.status
      )
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 429)).toHaveLength(49)
      await processed(klarnaId, before)
      expect((await orderReads(klarnaId)) - before).toBeLessThanOrEqual(3)
    })

    // Last: it uses up this process's budget for the next minute.
    it("notifications for many different orders are capped per minute", async () => {
      const statuses = (await Promise.all(Array.from({ length: 80 }, () => notify({ order_id: randomUUID(), event_type: "FRAUD_RISK_ACCEPTED" })))).map(
        (r) => r.status
      )
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(60)
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20)
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true)
    })
  },
})
