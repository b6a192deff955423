import { errorDetails, isRetryable, nextAttemptAt } from "../action-retry"
import { capturedLines } from "../captured-lines"
import { sessionIdFromMerchantData } from "../merchant-data"

const policy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 }

describe("action retry schedule", () => {
  it("retries only what the Klarna client marks retryable (unreachable, timeout, 5xx, 409, 429)", () => {
    expect(isRetryable(Object.assign(new Error("503"), { retryable: true }))).toBe(true)
    expect(isRetryable(Object.assign(new Error("403"), { retryable: false, status: 403 }))).toBe(false)
    expect(isRetryable(new Error("boom"))).toBe(false)
    expect(isRetryable(undefined)).toBe(false)
  })

  it("backs off exponentially up to the cap, never more than 20 % above the step", () => {
    const now = 1_000_000
    const at = (attempt: number, random: number) => nextAttemptAt(attempt, policy, now, () => random).getTime() - now
    expect(at(1, 0)).toBe(30_000)
    expect(at(1, 0.999)).toBeLessThanOrEqual(36_000)
    expect(at(2, 0)).toBe(60_000)
    expect(at(20, 0)).toBe(3_600_000)
    expect(at(20, 0.999)).toBeLessThanOrEqual(3_600_000 * 1.2)
  })

  it("keeps Klarna's message, correlation id and error code", () => {
    expect(errorDetails(Object.assign(new Error("Klarna refused"), { correlationId: "c-1", errorCode: "NOT_ALLOWED" }))).toEqual({
      message: "Klarna refused",
      correlation_id: "c-1",
      error_code: "NOT_ALLOWED",
    })
    expect(errorDetails("plain")).toEqual({ message: "plain", correlation_id: undefined, error_code: undefined })
  })
})

describe("capturedLines", () => {
  const line = (reference: string) => ({ type: "physical", reference, name: reference, quantity: 1, unit_price: 100, tax_rate: 2500, total_amount: 100, total_tax_amount: 20 }) as any

  it("takes the captures' lines when every capture carried lines, else the order's", () => {
    expect(capturedLines({ order_amount: 200, captured_amount: 200, order_lines: [line("A"), line("B")], captures: [{ order_lines: [line("B")] }, { order_lines: [line("A")] }] })).toEqual([line("B"), line("A")])
    expect(capturedLines({ order_amount: 200, captured_amount: 200, order_lines: [line("A"), line("B")], captures: [{ order_lines: [line("B")] }, { order_lines: [] }] })).toEqual([line("A"), line("B")])
    expect(capturedLines({ order_amount: 0, captured_amount: 0 })).toEqual([])
  })
})

describe("sessionIdFromMerchantData", () => {
  it("reads the Medusa payment session id the provider stored, and nothing from anything else", () => {
    expect(sessionIdFromMerchantData(JSON.stringify({ medusa_payment_session_id: "payses_1" }))).toBe("payses_1")
    expect(sessionIdFromMerchantData(JSON.stringify({ medusa_payment_session_id: 5 }))).toBeUndefined()
    expect(sessionIdFromMerchantData("not json")).toBeUndefined()
    expect(sessionIdFromMerchantData(null)).toBeUndefined()
  })
})
