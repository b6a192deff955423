import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaIdempotencyKey } from "../../klarna/client"
import type { KlarnaOrderLine } from "../../klarna/validation/order-line-rules"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

export type RestoreKlarnaAuthorizationInput = {
  provider_id: string
  klarna_order_id: string
  /** The Medusa change whose update is undone: every retry is the same Klarna write. */
  change_key: string
  previous: { order_amount: number; order_lines: KlarnaOrderLine[] }
}

/**
 * Puts Klarna's previous lines and amount back (`PATCH /authorization`) after
 * Medusa did not confirm the change Klarna had already been updated for.
 * Nothing to compensate: it is itself the undo, and the last step.
 */
export const restoreKlarnaAuthorizationStep = createStep(
  "restore-klarna-authorization",
  async (input: RestoreKlarnaAuthorizationInput, { container }) => {
    await klarnaClientFor(container, input.provider_id).updateAuthorization(
      input.klarna_order_id,
      { order_amount: input.previous.order_amount, order_lines: input.previous.order_lines },
      klarnaIdempotencyKey("restore-authorization", input.klarna_order_id, input.change_key)
    )
    return new StepResponse(input.previous)
  }
)
