import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportedOrderDraft, KlarnaOrderRead } from "../../../woocommerce"
import { readImportKlarnaOrder } from "./read-import-klarna-order"

const PARALLEL_READS = 4

/** Klarna's orders for a page's orders when reconciling (null where not asked), a few reads at a time. */
export const readImportKlarnaOrdersStep = createStep(
  "read-import-klarna-orders",
  async (input: { drafts: Array<ImportedOrderDraft | null>; reconcile: boolean }, { container }) => {
    const reads: KlarnaOrderRead[] = new Array(input.drafts.length).fill(null)
    let next = 0
    const worker = async () => {
      while (next < input.drafts.length) {
        const i = next++
        const draft = input.drafts[i]
        reads[i] = draft ? await readImportKlarnaOrder(container, draft, input.reconcile) : null
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_READS }, worker))
    return new StepResponse(reads)
  }
)
