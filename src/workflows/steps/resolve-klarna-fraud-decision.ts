import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaOrder } from "../../klarna/client"
import { sessionIdFromMerchantData } from "../../klarna/decisions/merchant-data"
import { fraudDecisionKey, fraudDecisionToLog } from "../../klarna/decisions/webhook-decision"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { findOrderIdForPaymentSession } from "../queries/order-of-payment-session"

export type KlarnaFraudDecision = {
  order_id: string
  operation_key: string
  decision: "accepted" | "rejected"
  klarna_order_id: string
  klarna_reference?: string | null
  fraud_status?: string | null
} | null

/**
 * Klarna's fraud decision for the Medusa order its checkout became, if it
 * belongs in the order's log (see fraudDecisionToLog): a rejection always, an
 * acceptance only for an order Klarna held for review.
 */
export const resolveKlarnaFraudDecisionStep = createStep(
  "resolve-klarna-fraud-decision",
  async (input: { klarna: KlarnaOrder | null }, { container }) => {
    const klarna = input.klarna
    const sessionId = sessionIdFromMerchantData(klarna?.merchant_data)
    if (!klarna || !sessionId) {
      return new StepResponse<KlarnaFraudDecision>(null)
    }
    const session = await container
      .resolve(Modules.PAYMENT)
      .retrievePaymentSession(sessionId)
      .catch(() => undefined)
    const heldForReview = !!session && ((session.data as KlarnaPaymentData)?.held_for_fraud_review === true || session.status === "pending_authorization")
    const decision = fraudDecisionToLog(klarna, heldForReview)
    const orderId = decision ? await findOrderIdForPaymentSession(container, sessionId) : undefined
    if (!decision || !orderId) {
      return new StepResponse<KlarnaFraudDecision>(null)
    }
    return new StepResponse<KlarnaFraudDecision>({
      order_id: orderId,
      operation_key: fraudDecisionKey(klarna),
      decision,
      klarna_order_id: klarna.order_id,
      klarna_reference: klarna.klarna_reference,
      fraud_status: klarna.fraud_status,
    })
  }
)
