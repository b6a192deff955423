import { MedusaWorkflow, createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../../modules/klarna-order-management"
import { klarnaMessages } from "../../../klarna/messages"
import { errorDetails, isRetryable, nextAttemptAt } from "../../../klarna/decisions/action-retry"
import type { KlarnaActionResult } from "../types"
import { isRefusedBeforeActing } from "../refused-before-acting"
import { explainMissingImportedOrder, isNoSuchKlarnaOrder } from "../../../klarna/decisions/missing-imported-order"
import { importedKlarnaOrderFacts } from "../../queries/imported-klarna-order-facts"

export type AttemptKlarnaActionInput = {
  workflow_id: string
  verb: string
  recheck_on_refusal?: boolean
  input: Record<string, unknown>
  attempt: number
  /** The order acted on, to explain a Klarna order that cannot be found. */
  order_id?: string
  /** An admin waits for the answer: a request refused before anything was done is answered, not recorded. */
  answered_in_request: boolean
}

/**
 * Runs the action's workflow and says what came of it: its own result, or a
 * failure — retried later when Klarna was unavailable (until the retry policy
 * gives up), final otherwise. Never throws for a Klarna failure, so the entry
 * is always written.
 */
export const attemptKlarnaActionStep = createStep(
  "attempt-klarna-action",
  async ({ workflow_id, verb, recheck_on_refusal, input, attempt, order_id, answered_in_request }: AttemptKlarnaActionInput, { container }) => {
    const workflow = MedusaWorkflow.getWorkflow(workflow_id)
    if (!workflow) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `No Klarna action workflow ${workflow_id} is registered.`)
    }
    const policy = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).retryPolicy
    const run = async (workflowInput: Record<string, unknown>) => (await workflow(container).run({ input: workflowInput })).result as KlarnaActionResult
    try {
      const done = await run(input).catch(async (error) => {
        // Klarna refused: guarded again on Klarna's live order, a refusal it explains ends as that guard's entry.
        if (!recheck_on_refusal || input.read_klarna || isRefusedBeforeActing(error) || (error as { type?: string })?.type !== MedusaError.Types.NOT_ALLOWED) {
          throw error
        }
        return await run({ ...input, read_klarna: true })
      })
      return new StepResponse<KlarnaActionResult>(done && { next_attempt_at: null, ...done })
    } catch (error) {
      if (answered_in_request && isRefusedBeforeActing(error)) {
        throw error
      }
      const details = errorDetails(error)
      const imported = isNoSuchKlarnaOrder(error) && order_id ? await importedKlarnaOrderFacts(container, order_id) : null
      if (imported) {
        details.message = explainMissingImportedOrder(details.message, imported)
      }
      const failure = { correlation_id: details.correlation_id, error_code: details.error_code }
      if (isRetryable(error)) {
        const giveUp = attempt >= policy.maxAttempts
        const at = nextAttemptAt(attempt, policy)
        return new StepResponse<KlarnaActionResult>({
          ...failure,
          outcome: giveUp ? "needs_attention" : "pending_retry",
          next_attempt_at: giveUp ? null : at,
          message: giveUp ? klarnaMessages.gaveUp(verb, details.message, attempt) : klarnaMessages.retrying(verb, details.message, at),
        })
      }
      return new StepResponse<KlarnaActionResult>({ ...failure, outcome: "failed", next_attempt_at: null, message: klarnaMessages.failed(verb, details.message) })
    }
  }
)
