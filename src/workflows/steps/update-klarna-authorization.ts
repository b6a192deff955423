import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaIdempotencyKey } from "../../klarna/client"
import type { KlarnaOrderLine } from "../../klarna/validation/order-line-rules"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

export type UpdateKlarnaAuthorizationStepInput = {
  provider_id: string
  klarna_order_id: string
  /** Identifies the Medusa change, so a retry is the same Klarna write. */
  change_key: string
  previous: { order_amount: number; order_lines: KlarnaOrderLine[] }
  next: { order_amount: number; order_lines: KlarnaOrderLine[] }
}

/**
 * Sends the complete new line set and amount to Klarna (`PATCH /authorization`).
 * If Medusa then fails to confirm the change, the previous lines and amount
 * are restored.
 */
export const updateKlarnaAuthorizationStep = createStep(
  "update-klarna-authorization",
  async (input: UpdateKlarnaAuthorizationStepInput, { container }) => {
    const client = klarnaClientFor(container, input.provider_id)
    await client.updateAuthorization(
      input.klarna_order_id,
      { order_amount: input.next.order_amount, order_lines: input.next.order_lines },
      klarnaIdempotencyKey("update-authorization", input.klarna_order_id, input.change_key)
    )
    return new StepResponse(input.next, input)
  },
  async (input, { container }) => {
    if (!input) {
      return
    }
    const client = klarnaClientFor(container, input.provider_id)
    await client.updateAuthorization(
      input.klarna_order_id,
      { order_amount: input.previous.order_amount, order_lines: input.previous.order_lines },
      klarnaIdempotencyKey("restore-authorization", input.klarna_order_id, input.change_key)
    )
  }
)
