import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { KlarnaRefundFacts } from "../queries/klarna-refund-facts"
import { observedKlarnaOrder } from "../../klarna/refunds/observed-order"
import { planKlarnaRefund } from "../../klarna/refunds/plan-refund"

/** What the refund sends to Klarna, with the Klarna order it was planned on; refuses what Klarna or the VAT policy would not allow. */
export const planKlarnaRefundStep = createStep(
  "plan-klarna-refund",
  async (input: { facts: KlarnaRefundFacts; amount?: BigNumberInput }) => {
    const { facts } = input
    const plan = planKlarnaRefund({
      payment: facts.payment,
      requested_amount: input.amount,
      klarna: facts.klarna,
      returned: facts.returned,
      policy: facts.policy,
    })
    return new StepResponse({ ...plan, observed: observedKlarnaOrder(facts.klarna, new Date(facts.klarna_read_at)) })
  }
)
