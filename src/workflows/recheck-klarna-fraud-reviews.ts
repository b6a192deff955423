import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listKlarnaSessionsInReviewStep } from "./steps/list-klarna-sessions-in-review"
import { emitKlarnaNotificationsStep } from "./steps/emit-klarna-notifications"

export const recheckKlarnaFraudReviewsWorkflowId = "recheck-klarna-fraud-reviews"

/**
 * Klarna tells the shop its fraud decision by an unsigned notification, which
 * can be lost (or held back by the notification route's rate limit). So the
 * payment sessions still waiting for a decision are re-checked on a schedule:
 * each goes through the same path as a notification (Medusa's webhook
 * handling, which reads the decision back from Klarna, then the plugin's
 * event log), every session of the last 30 days still waiting, read
 * `page_size` at a time. Answers how many were re-checked.
 */
export const recheckKlarnaFraudReviewsWorkflow = createWorkflow(recheckKlarnaFraudReviewsWorkflowId, (input: { page_size: number; now?: string }) => {
  const notifications = listKlarnaSessionsInReviewStep(input)
  return new WorkflowResponse(emitKlarnaNotificationsStep(notifications))
})

export async function recheckPendingFraudReviews(container: MedusaContainer, pageSize = 100): Promise<number> {
  const { result } = await recheckKlarnaFraudReviewsWorkflow(container).run({ input: { page_size: pageSize } })
  return result
}
