import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelKlarnaOrderWorkflow } from "../../workflows/cancel-klarna-order"
import type { AutomationResult } from "./run-klarna-automation"

export async function cancelKlarnaForOrder(
  container: MedusaContainer,
  input: { order_id: string; respect_toggle: boolean }
): Promise<AutomationResult> {
  const { result } = await cancelKlarnaOrderWorkflow(container).run({ input })
  if (!result) {
    return null
  }
  const { action, ...rest } = result
  // An admin's cancel in Klarna also ends the Medusa payment (an order cancel already has).
  if (!input.respect_toggle && action === "cancel" && result.outcome === "succeeded" && result.payment_id) {
    await container.resolve(Modules.PAYMENT).cancelPayment(result.payment_id)
  }
  return rest
}
