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
  const { action: _action, ...rest } = result
  return rest
}
