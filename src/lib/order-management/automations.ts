import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelKlarnaForOrder } from "./cancel-automation"
import { captureKlarnaForOrder, type CaptureAutomationInput } from "./capture-automation"
import { reattachKlarnaAfterChange } from "./update-automation"
import type { AutomationResult, AutomationSpec } from "./run-klarna-automation"

type Automation = {
  action: AutomationSpec["action"]
  verb: string
  run: (container: MedusaContainer, input: any) => Promise<AutomationResult>
}

/**
 * Every automatic action by name, so the retry job can run a failed one again
 * from its event-log entry.
 */
export const klarnaAutomations: Record<string, Automation> = {
  capture: {
    action: "capture",
    verb: "capture",
    run: (container, input: CaptureAutomationInput) => captureKlarnaForOrder(container, input),
  },
  cancel: {
    action: "cancel",
    verb: "cancel",
    run: (container, input: { order_id: string; respect_toggle: boolean }) => cancelKlarnaForOrder(container, input),
  },
  reattach: {
    action: "update",
    verb: "update",
    run: (container, input: { order_id: string }) => reattachKlarnaAfterChange(container, input),
  },
}

export function registerKlarnaAutomation(name: string, automation: Automation) {
  klarnaAutomations[name] = automation
}
