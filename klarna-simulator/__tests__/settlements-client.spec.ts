import { collectAll, createKlarnaClient } from "../../src/klarna/client"
import { reconcileSettlements, settlementCsv, type MedusaCaptureRecord } from "../../src/klarna/settlements"
import { om, placeOrder, startHarness, USER, type Harness } from "./support/harness"

/** The plugin's client and reconciliation against the simulator's Settlements API. */
describe("Settlements: client + reconciliation against the simulator", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    await h.sim.close()
  })

  it("reads every page through a 503, and matches by Klarna's capture id and by Medusa's reference", async () => {
    const captures: MedusaCaptureRecord[] = []
    for (const [i, amount] of [10000, 5000, 2500].entries()) {
      const orderId = await placeOrder(h)
      const res = await h.api.post(om(orderId, "/captures"), { captured_amount: amount, reference: `capt_${i}` })
      captures.push({
        order_id: `order_${i}`,
        order_display_id: 100 + i,
        klarna_order_id: orderId,
        medusa_capture_id: `capt_${i}`,
        // Medusa lost Klarna's id of the second capture: matched by its reference instead.
        ...(i === 1 ? {} : { klarna_capture_id: res.headers["capture-id"] }),
        // The third capture's amount in Medusa disagrees with Klarna's.
        amount: i === 2 ? 2400 : amount,
        currency_code: "SEK",
        captured_at: new Date().toISOString(),
      })
    }
    expect((await h.raw.post("/_sim/settlements/payouts", {})).data.count).toBe(1)
    await h.raw.post("/_sim/faults", { path: "/settlements/v1/transactions", status: 503, skip: 1, times: 1 })

    const client = createKlarnaClient({ baseUrl: h.sim.url, ...USER, retryBaseDelayMs: 1, retryMaxDelayMs: 5 })
    const payouts = await collectAll(client.allPayouts())
    expect(payouts).toHaveLength(1)
    const transactions = await collectAll(client.allTransactions({ payment_reference: payouts[0].payment_reference, size: 2 }))
    expect(transactions).toHaveLength(6) // 3 SALE + 3 FEE
    const log = (await h.raw.get("/_sim/requests", { params: { path_contains: "/settlements/v1/transactions" } })).data
    expect(log.map((e: { status: number }) => e.status)).toEqual([200, 503, 200, 200])

    const result = reconcileSettlements({ transactions, captures, refunds: [], now: new Date(), overdue_after_days: 14 })
    const sales = result.transactions.filter((m) => m.transaction.type === "SALE")
    expect(sales.map((m) => [m.medusa_capture_id, m.state, m.matched_by]).sort()).toEqual([
      ["capt_0", "matched", "capture_id"],
      ["capt_1", "matched", "merchant_capture_reference"],
      ["capt_2", "amount_differs", "capture_id"],
    ])
    expect(result.transactions.filter((m) => m.transaction.type === "FEE").every((m) => m.state === "attached")).toBe(true)
    expect(result.captures.every((c) => c.status === "paid_out")).toBe(true)
    expect(payouts[0].totals.settlement_amount).toBe(17500 - 290 - 145 - 73)

    const csv = settlementCsv(result.transactions, payouts)
    expect(csv.split("\r\n")).toHaveLength(1 + 6 + 1)
    expect(csv).toContain(",capt_2,,,25.00,0.73,,,24.00,amount_differs,capture_id,")
  })
})
