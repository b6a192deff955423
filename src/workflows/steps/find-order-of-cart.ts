import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The id of the order a cart became, if it has. */
export const findOrderOfCartStep = createStep("find-order-of-cart", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id: input.cart_id } })
  return new StepResponse<string | null>((data[0] as any)?.order?.id ?? null)
})
