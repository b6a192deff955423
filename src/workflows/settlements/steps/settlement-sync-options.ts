import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../../modules/klarna-settlements"
import type { SyncKlarnaSettlementsInput } from "../types"

/** The moment and the overdue limit this sync measures against: the input's, else now and the module's option. */
export const settlementSyncOptionsStep = createStep(
  "klarna-settlement-sync-options",
  async (input: Pick<SyncKlarnaSettlementsInput, "now" | "overdue_after_days">, { container }) => {
    const service = container.resolve<KlarnaSettlementsService>(KLARNA_SETTLEMENTS_MODULE)
    return new StepResponse({
      now: input.now ?? new Date().toISOString(),
      overdue_after_days: input.overdue_after_days ?? service.options.overdue_after_days,
    })
  }
)
