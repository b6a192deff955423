import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelKlarnaForOrder } from "./cancel-automation"
import { captureKlarnaForOrder, type CaptureAutomationInput } from "./capture-automation"
import { reattachKlarnaAfterChange, restoreKlarnaAfterFailedChange, type RestoreAfterChangeInput } from "./update-automation"
import { syncKlarnaOrder } from "./sync-automation"
import { recoverKlarnaAuthorization, type RecoverAuthorizationInput } from "./recover-authorization"
import { runKlarnaOrderOperationWorkflow } from "../../workflows/run-klarna-order-operation"
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
  release: {
    action: "release",
    verb: "release the remaining authorization of the",
    run: async (container, input: { order_id: string; request_key: string }) =>
      (await runKlarnaOrderOperationWorkflow(container).run({ input: { ...input, operation: "release" } })).result,
  },
  extend: {
    action: "extend",
    verb: "extend the authorization time of the",
    run: async (container, input: { order_id: string; request_key: string }) =>
      (await runKlarnaOrderOperationWorkflow(container).run({ input: { ...input, operation: "extend" } })).result,
  },
  sync: {
    action: "sync",
    verb: "sync the",
    run: (container, input: { order_id: string; actor?: string }) => syncKlarnaOrder(container, input),
  },
  reattach: {
    action: "update",
    verb: "update",
    run: (container, input: { order_id: string }) => reattachKlarnaAfterChange(container, input),
  },
  "recover-authorization": {
    action: "authorize",
    verb: "authorize",
    run: (container, input: RecoverAuthorizationInput) => recoverKlarnaAuthorization(container, input),
  },
  "restore-update": {
    action: "update",
    verb: "restore the previous lines of the",
    run: (container, input: RestoreAfterChangeInput) => restoreKlarnaAfterFailedChange(container, input),
  },
}

export function registerKlarnaAutomation(name: string, automation: Automation) {
  klarnaAutomations[name] = automation
}
