import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The status of a Medusa order change (null: no such change). */
export const findOrderChangeStatusStep = createStep("find-order-change-status", async (input: { change_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_change", fields: ["id", "status"], filters: { id: input.change_id } })
  return new StepResponse<string | null>((data[0] as any)?.status ?? null)
})
