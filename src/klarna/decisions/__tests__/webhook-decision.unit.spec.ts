import { PaymentActions } from "@medusajs/framework/utils"
import { fraudDecisionKey, fraudDecisionToLog, webhookPaymentAction } from "../webhook-decision"

const order = (fraud_status: string | null, status = "AUTHORIZED") => ({ order_id: "k-1", status, fraud_status })

describe("webhookPaymentAction", () => {
  it("follows Klarna's fraud status", () => {
    expect(webhookPaymentAction(order("ACCEPTED"))).toBe(PaymentActions.AUTHORIZED)
    expect(webhookPaymentAction(order("ACCEPTED", "PART_CAPTURED"))).toBe(PaymentActions.AUTHORIZED)
    expect(webhookPaymentAction(order("ACCEPTED", "CANCELLED"))).toBe(PaymentActions.NOT_SUPPORTED)
    expect(webhookPaymentAction(order("REJECTED"))).toBe(PaymentActions.FAILED)
    expect(webhookPaymentAction(order("STOPPED"))).toBe(PaymentActions.FAILED)
    expect(webhookPaymentAction(order("PENDING"))).toBe(PaymentActions.NOT_SUPPORTED)
    expect(webhookPaymentAction(order(null))).toBe(PaymentActions.NOT_SUPPORTED)
  })
})

describe("fraudDecisionToLog", () => {
  it("logs nothing while Klarna says PENDING", () => {
    expect(fraudDecisionToLog(order("PENDING"), true)).toBeUndefined()
    expect(fraudDecisionToLog(order(null), true)).toBeUndefined()
  })

  it("logs an acceptance only for an order held for review", () => {
    expect(fraudDecisionToLog(order("ACCEPTED"), true)).toBe("accepted")
    expect(fraudDecisionToLog(order("ACCEPTED"), false)).toBeUndefined()
  })

  it("always logs a rejection or stop", () => {
    expect(fraudDecisionToLog(order("REJECTED"), true)).toBe("rejected")
    expect(fraudDecisionToLog(order("stopped"), false)).toBe("rejected")
  })
})

describe("fraudDecisionKey", () => {
  it("is the same for the same decision and differs for another", () => {
    expect(fraudDecisionKey(order("accepted"))).toBe(fraudDecisionKey(order("ACCEPTED", "PART_CAPTURED")))
    expect(fraudDecisionKey(order("ACCEPTED"))).not.toBe(fraudDecisionKey(order("STOPPED")))
  })
})
