import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadKlarnaRefundFacts } from "../queries/klarna-refund-facts"

/** The payment, Klarna's order, the returns not refunded yet and the merchant's VAT policy. */
export const loadKlarnaRefundFactsStep = createStep("load-klarna-refund-facts", async (input: { payment_id: string }, { container }) => {
  const facts = await loadKlarnaRefundFacts(container, input.payment_id)
  if (!facts) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${input.payment_id} is not a Klarna payment.`)
  }
  return new StepResponse(facts)
})
