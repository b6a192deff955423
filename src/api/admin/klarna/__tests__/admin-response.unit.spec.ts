import { adminKlarnaEvent, adminKlarnaPayment, adminRefundPlan } from "../admin-response"

describe("admin answers: the plugin's minor-unit amounts are `…_minor`", () => {
  it("a payment answers amount_minor, captured_amount_minor, refunded_amount_minor with its currency", () => {
    const payment = adminKlarnaPayment({
      id: "pay_1",
      provider_id: "pp_klarna_klarna",
      amount: 164700,
      currency_code: "sek",
      captured_amount: 10000,
      refunded_amount: 5000,
      canceled_at: null,
      captured_at: null,
      created_at: "2026-01-01",
      payment_collection_id: "pc_1",
      data: { klarna_order_id: "k1" },
    })
    expect(payment).toEqual({
      id: "pay_1",
      currency_code: "sek",
      amount_minor: 164700,
      captured_amount_minor: 10000,
      refunded_amount_minor: 5000,
      canceled_at: null,
      data: { klarna_order_id: "k1" },
    })
  })

  it("an event-log entry answers its amount column as amount_minor (null stays null)", () => {
    expect(adminKlarnaEvent({ id: "kev_1", amount: 10000, currency_code: "sek" })).toEqual({ id: "kev_1", amount_minor: 10000, currency_code: "sek" })
    expect(adminKlarnaEvent({ id: "kev_2", amount: null })).toEqual({ id: "kev_2", amount_minor: null })
  })

  it("a refund plan answers amount_minor and currency_code; Klarna's order lines stay as they are", () => {
    const lines = [{ name: "T-shirt", quantity: 1, unit_price: 1050, total_amount: 1050, tax_rate: 2500, total_tax_amount: 210 }] as any
    expect(adminRefundPlan({ amount: 1050, kind: "goodwill", order_lines: lines, summary: "good-will" }, "sek")).toEqual({
      amount_minor: 1050,
      currency_code: "sek",
      kind: "goodwill",
      order_lines: lines,
      summary: "good-will",
    })
  })
})
