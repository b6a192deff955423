import { container } from "@medusajs/framework"
import type { GoodwillPolicy } from "../../../klarna/utils/refund-lines"
import {
  DEFAULT_KLARNA_SETTINGS,
  KLARNA_ORDER_MANAGEMENT_MODULE,
  type KlarnaOrderManagementService,
} from "../../../modules/klarna-order-management"

/** The merchant's good-will VAT policy from the plugin's settings; the default without the plugin's module. */
export async function merchantGoodwillPolicy(): Promise<GoodwillPolicy> {
  if (!container.hasRegistration(KLARNA_ORDER_MANAGEMENT_MODULE)) {
    return DEFAULT_KLARNA_SETTINGS.goodwill_vat_policy
  }
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  return (await om.getSettings()).goodwill_vat_policy
}
