import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cart, placeOrder } from "../../../klarna-simulator/__tests__/support/harness"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../modules/klarna-order-management"
import { recordKlarnaFraudNotificationWorkflow } from "../record-klarna-fraud-notification"
import { recheckKlarnaFraudReviewsWorkflow, recheckPendingFraudReviews } from "../recheck-klarna-fraud-reviews"
import { simulatedKlarna } from "./support/simulated-klarna"

/** The order's event log, the checkout's payment session and its order, the admin's feed: in memory. */
function collaborators(session: { id: string; status: string; data?: Record<string, unknown> }) {
  const entries: any[] = []
  const feed: unknown[] = []
  return {
    entries,
    feed,
    registrations: {
      [KLARNA_ORDER_MANAGEMENT_MODULE]: {
        findEventByOperationKey: async (key: string) => entries.find((e) => e.operation_key === key),
        recordEvent: async (input: any) => (entries.push({ id: `kev_${entries.length + 1}`, attention: input.outcome === "needs_attention", ...input }), entries.at(-1)),
      },
      [Modules.PAYMENT]: { retrievePaymentSession: async (id: string) => (id === session.id ? { ...session, payment_collection_id: "pay_col_1" } : Promise.reject(new Error("not found"))) },
      [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: [{ id: "pay_col_1", display_id: 7, order: { id: "order_1" } }] }) },
      [Modules.NOTIFICATION]: { createNotifications: async (n: unknown) => feed.push(n) },
      [Modules.LOCKING]: { acquire: async () => {}, release: async () => true },
    },
  }
}

describe("fraud decisions (against the simulator)", () => {
  let klarna: Awaited<ReturnType<typeof simulatedKlarna>>
  beforeAll(async () => {
    klarna = await simulatedKlarna()
  })
  afterAll(async () => {
    await klarna.stop()
  })

  const heldOrder = async (sessionId: string) =>
    await placeOrder(klarna.harness, { fraud_status: "PENDING", body: cart({ merchant_data: JSON.stringify({ medusa_payment_session_id: sessionId }) }) })

  it("logs Klarna's rejection as read back from Klarna, once however often it is notified, and tells the merchant", async () => {
    const klarnaOrderId = await heldOrder("payses_1")
    await klarna.harness.raw.post(`/_sim/orders/${klarnaOrderId}/fraud-decision`, { fraud_status: "REJECTED" })
    const c = collaborators({ id: "payses_1", status: "pending_authorization" })
    const container = klarna.containerWith(c.registrations)
    const notify = () =>
      recordKlarnaFraudNotificationWorkflow(container).run({ input: { provider_id: "pp_klarna_klarna", klarna_order_id: klarnaOrderId, event_type: "FRAUD_RISK_ACCEPTED" } })
    await notify()
    await notify()
    expect(c.entries).toEqual([
      expect.objectContaining({
        order_id: "order_1",
        action: "webhook",
        outcome: "needs_attention",
        operation_key: `klarna-fraud:${klarnaOrderId}:REJECTED`,
        message: expect.stringMatching(/^Klarna order rejected\./),
        payload: expect.objectContaining({ event_type: "FRAUD_RISK_ACCEPTED", fraud_status: "REJECTED" }),
      }),
    ])
    expect(c.feed).toHaveLength(1)
  })

  it("logs nothing while Klarna still says PENDING, whatever the notification claims", async () => {
    const klarnaOrderId = await heldOrder("payses_2")
    const c = collaborators({ id: "payses_2", status: "pending_authorization" })
    await recordKlarnaFraudNotificationWorkflow(klarna.containerWith(c.registrations)).run({
      input: { provider_id: "pp_klarna_klarna", klarna_order_id: klarnaOrderId, event_type: "FRAUD_RISK_REJECTED" },
    })
    expect(c.entries).toEqual([])
  })

  it("ignores a notification naming an order Klarna does not have", async () => {
    const c = collaborators({ id: "payses_3", status: "pending_authorization" })
    const { result } = await recordKlarnaFraudNotificationWorkflow(klarna.containerWith(c.registrations)).run({
      input: { provider_id: "pp_klarna_klarna", klarna_order_id: "00000000-0000-0000-0000-000000000000" },
    })
    expect(result).toBeNull()
    expect(c.entries).toEqual([])
  })

  it("re-checks the sessions still in fraud review as the notifications Klarna would send", async () => {
    const emitted: any[] = []
    const container = klarna.containerWith({
      [Modules.PAYMENT]: {
        listPaymentSessions: async () => [
          { id: "payses_1", provider_id: "pp_klarna_klarna", data: { klarna_order_id: "k-1" } },
          { id: "payses_2", provider_id: "pp_stripe_stripe", data: {} },
          { id: "payses_3", provider_id: "pp_klarna_klarna", data: {} },
        ],
      },
      [Modules.EVENT_BUS]: { emit: async (events: unknown[]) => emitted.push(...events), releaseGroupedEvents: async () => {}, clearGroupedEvents: async () => {} },
    })
    expect(await recheckPendingFraudReviews(container)).toBe(1)
    expect(emitted).toEqual([
      { name: "payment.webhook_received", data: { provider: "klarna_klarna", payload: { data: { order_id: "k-1" }, rawData: "", headers: {} } } },
    ])
  })

  it("re-checks every waiting session of the last 30 days, page by page, so sessions Klarna never decides cannot crowd out newer ones", async () => {
    const emitted: any[] = []
    const asked: any[] = []
    const sessions = Array.from({ length: 5 }, (_, i) => ({ id: `payses_${i}`, provider_id: i === 2 ? "pp_kustom_kustom" : "pp_klarna_klarna", data: { klarna_order_id: `k-${i}` } }))
    const now = "2026-12-07T12:00:00.000Z"
    const container = klarna.containerWith({
      [Modules.PAYMENT]: {
        listPaymentSessions: async (filters: any, config: any) => {
          asked.push({ filters, skip: config.skip, take: config.take })
          return sessions.slice(config.skip, config.skip + config.take)
        },
      },
      [Modules.EVENT_BUS]: { emit: async (events: unknown[]) => emitted.push(...events), releaseGroupedEvents: async () => {}, clearGroupedEvents: async () => {} },
    })
    const { result } = await recheckKlarnaFraudReviewsWorkflow(container).run({ input: { page_size: 2, now } })
    expect(result).toBe(5)
    expect(emitted.map((e) => [e.data.provider, e.data.payload.data.order_id])).toEqual([
      ["klarna_klarna", "k-0"],
      ["klarna_klarna", "k-1"],
      ["kustom_kustom", "k-2"],
      ["klarna_klarna", "k-3"],
      ["klarna_klarna", "k-4"],
    ])
    expect(asked.map((a) => [a.skip, a.take])).toEqual([
      [0, 2],
      [2, 2],
      [4, 2],
    ])
    expect(asked[0].filters).toEqual({ status: "pending_authorization", created_at: { $gte: new Date("2026-11-07T12:00:00.000Z") } })
  })
})
