import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { recordPendingKlarnaRestore } from "../order-change/pending-klarna-restore"
import type { RestoreAfterChangeInput } from "../restore-klarna-authorization"

/** The crash-safe note that Klarna is to be restored unless Medusa confirms (see pending-klarna-restore); its id. */
export const recordPendingKlarnaRestoreStep = createStep(
  "record-pending-klarna-restore",
  async (input: { restore: RestoreAfterChangeInput | null }, { container }) => {
    const pending = input.restore ? await recordPendingKlarnaRestore(container, input.restore) : null
    return new StepResponse<string | null>(pending?.id ?? null)
  }
)
