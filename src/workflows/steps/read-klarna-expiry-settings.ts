import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"

/** N (extend days before expiry) and M (warning days) as the merchant set them. */
export const readKlarnaExpirySettingsStep = createStep("read-klarna-expiry-settings", async (_: void, { container }) => {
  const settings = await container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE).getSettings()
  return new StepResponse({ extend_days: settings.extend_days_before_expiry, warning_days: settings.expiry_warning_days })
})
