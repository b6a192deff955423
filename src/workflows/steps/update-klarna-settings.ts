import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import type { KlarnaSettings, KlarnaSettingsPatch } from "../../modules/klarna-order-management/types/settings"

export const updateKlarnaSettingsStep = createStep(
  "update-klarna-settings",
  async (input: { patch: KlarnaSettingsPatch; updated_by?: string }, { container }) => {
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    const previous = await om.getSettings()
    const next = await om.updateSettings(input.patch, input.updated_by)
    return new StepResponse<KlarnaSettings, KlarnaSettings>(next, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
    await om.updateSettings(previous)
  }
)
