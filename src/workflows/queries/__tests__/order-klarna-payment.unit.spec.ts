import { orderKlarnaPayment, type KlarnaPaymentRow, type OrderWithKlarna } from "../order-klarna-payments"

const row = (id: string, extra: Partial<KlarnaPaymentRow> = {}, data: Record<string, unknown> = { klarna_order_id: `k-${id}` }): KlarnaPaymentRow => ({
  id,
  provider_id: "pp_klarna_klarna",
  amount: 34800,
  currency_code: "sek",
  captured_amount: 0,
  refunded_amount: 0,
  canceled_at: null,
  captured_at: null,
  created_at: "2026-01-01",
  payment_collection_id: "pay_col",
  data: data as any,
  ...extra,
})
const order = (...payments: KlarnaPaymentRow[]): OrderWithKlarna => ({ id: "order_1", status: "pending", currency_code: "sek", payments, pending_sessions: [] })

describe("orderKlarnaPayment", () => {
  // Newest first, as loadOrderKlarnaPayments sorts them.
  const replaced = row("old", { canceled_at: "2026-01-02", captured_amount: 10000 }, { klarna_order_id: "k-1", cancel_requested_at: "2026-01-02" })
  const fresh = row("new", {}, { klarna_order_id: "k-1" })

  it("current: the payment backing the order now, none once Medusa canceled it", () => {
    expect(orderKlarnaPayment(order(fresh, replaced), "current")?.id).toBe("new")
    expect(orderKlarnaPayment(order(replaced), "current")).toBeUndefined()
  })

  it("reservation: the newest naming a Klarna order, canceled or not", () => {
    expect(orderKlarnaPayment(order(replaced), "reservation")?.id).toBe("old")
    expect(orderKlarnaPayment(order(row("none", {}, {}), replaced), "reservation")?.id).toBe("old")
  })

  it("live: the live one naming a Klarna order, else the newest naming one", () => {
    expect(orderKlarnaPayment(order(fresh, replaced), "live")?.id).toBe("new")
    expect(orderKlarnaPayment(order(replaced), "live")?.id).toBe("old")
  })

  it("refundable: the one with money captured, else the newest; replaced: the one an order change replaced", () => {
    expect(orderKlarnaPayment(order(fresh, replaced), "refundable")?.id).toBe("old")
    expect(orderKlarnaPayment(order(fresh), "refundable")?.id).toBe("new")
    expect(orderKlarnaPayment(order(fresh, replaced), "replaced")?.id).toBe("old")
    expect(orderKlarnaPayment(undefined, "current")).toBeUndefined()
  })
})
