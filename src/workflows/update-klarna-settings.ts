import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaSettingsPatch } from "../modules/klarna-order-management/types/settings"
import { updateKlarnaSettingsStep } from "./steps/update-klarna-settings"

export const updateKlarnaSettingsWorkflowId = "update-klarna-settings"

/** Saves the order-management settings; the next order event uses them, no restart. */
export const updateKlarnaSettingsWorkflow = createWorkflow(
  updateKlarnaSettingsWorkflowId,
  (input: { patch: KlarnaSettingsPatch; updated_by?: string }) => new WorkflowResponse(updateKlarnaSettingsStep(input))
)
