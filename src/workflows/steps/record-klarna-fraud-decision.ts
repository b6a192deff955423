import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaMessages } from "../../klarna/messages"
import { announceKlarnaAttention } from "../klarna-action/announce-klarna-attention"
import type { KlarnaFraudDecision } from "./resolve-klarna-fraud-decision"

/**
 * Logs a fraud decision once however often it is notified (one entry per
 * decision key); a rejection needs the merchant: the server log and the
 * admin's bell, not only the order's log.
 */
export const recordKlarnaFraudDecisionStep = createStep(
  "record-klarna-fraud-decision",
  async (input: { decision: NonNullable<KlarnaFraudDecision>; notice: { event_type?: string | null; event_id?: string | null } }, { container }) => {
    const { decision, notice } = input
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    if (await om.findEventByOperationKey(decision.operation_key)) {
      return new StepResponse(null)
    }
    const rejected = decision.decision === "rejected"
    const event = await om.recordEvent(
      {
        order_id: decision.order_id,
        action: "webhook",
        outcome: rejected ? "needs_attention" : "succeeded",
        klarna_order_id: decision.klarna_order_id,
        klarna_reference: decision.klarna_reference,
        message: rejected ? `Klarna order rejected. ${klarnaMessages.fraudRejected(decision.klarna_reference ?? undefined)}` : "Payment with Klarna is accepted.",
        operation_key: decision.operation_key,
        payload: { event_type: notice.event_type ?? null, event_id: notice.event_id ?? null, fraud_status: decision.fraud_status ?? null },
      },
      null
    )
    await announceKlarnaAttention(container, null, event as any)
    return new StepResponse(event)
  }
)
