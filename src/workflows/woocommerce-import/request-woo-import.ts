import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"

/**
 * Asks a worker to run (or continue) an import run: its data is the run's id
 * only — the WooCommerce credentials stay sealed on the run.
 */
export const WOO_IMPORT_REQUESTED = "klarna.woocommerce_import.requested"

export const requestWooImportWorkflowId = "request-woo-import"

/** Queues an import run for a worker (or the single process in shared mode); the subscriber woocommerce-import-requested runs it. */
export const requestWooImportWorkflow = createWorkflow(requestWooImportWorkflowId, (input: { id: string }) => {
  emitEventStep({ eventName: WOO_IMPORT_REQUESTED, data: { id: input.id } })
  return new WorkflowResponse(input)
})
