import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readKlarnaExpirySettingsStep } from "./steps/read-klarna-expiry-settings"
import { listExpiringKlarnaAuthorizationsStep } from "./steps/list-expiring-klarna-authorizations"
import { actOnExpiringKlarnaAuthorizationsStep, type ExpiryOutcome } from "./steps/act-on-expiring-klarna-authorizations"

export const extendExpiringKlarnaAuthorizationsWorkflowId = "extend-expiring-klarna-authorizations"

/**
 * Klarna reservations of orders awaiting fulfilment, before they expire:
 * extended `extend_days_before_expiry` days ahead (once per order and expiry
 * date), a warning under attention for those that will expire within
 * `expiry_warning_days` and cannot or may not be extended, one entry for those
 * that expired anyway. `now` (ISO) is for tests; answers what was done per order.
 */
export const extendExpiringKlarnaAuthorizationsWorkflow = createWorkflow(extendExpiringKlarnaAuthorizationsWorkflowId, (input: { now?: string; page_size?: number }) => {
  const settings = readKlarnaExpirySettingsStep()
  const policy = transform({ input, settings }, ({ input, settings }) => ({ ...settings, now: input.now ?? new Date().toISOString() }))
  const candidates = listExpiringKlarnaAuthorizationsStep(
    transform({ policy, input }, ({ policy, input }) => ({ days: Math.max(policy.extend_days, policy.warning_days), now: policy.now, page_size: input.page_size }))
  )
  return new WorkflowResponse(actOnExpiringKlarnaAuthorizationsStep({ candidates, policy }))
})

export async function extendExpiringKlarnaAuthorizations(container: MedusaContainer, now?: Date, pageSize?: number): Promise<ExpiryOutcome[]> {
  const { result } = await extendExpiringKlarnaAuthorizationsWorkflow(container).run({ input: { now: now?.toISOString(), page_size: pageSize } })
  return result
}
