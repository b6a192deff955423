import type { MedusaContainer } from "@medusajs/framework/types"
import { klarnaAutomations } from "./automations"
import { runKlarnaAutomation } from "./run-klarna-automation"

/** Runs a registered automation with the runner (lock, event log, retries). */
export async function dispatchKlarnaAutomation(
  container: MedusaContainer,
  name: string,
  args: { order_id: string; input: Record<string, unknown>; operation_key: string; actor?: string; attempt?: number }
) {
  const automation = klarnaAutomations[name]
  if (!automation) {
    throw new Error(`Unknown Klarna automation ${name}`)
  }
  return await runKlarnaAutomation(
    container,
    { automation: name, action: automation.action, verb: automation.verb, ...args },
    () => automation.run(container, args.input)
  )
}
