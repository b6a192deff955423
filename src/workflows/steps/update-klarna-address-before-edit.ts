import { createHash } from "node:crypto"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { editedAddress } from "../../klarna/decisions/address-change"
import { toKlarnaAddress } from "../../klarna/medusa/address"
import { runKlarnaAction } from "../klarna-action/run-klarna-action"
import { updateKlarnaShippingAddressAction } from "../update-klarna-shipping-address"

export type AddressEditInput = {
  order_id: string
  shipping_address: Record<string, unknown>
  email?: string
  actor?: string
}

type Restore = { order_id: string; shipping_address: Record<string, string>; request_key: string; actor?: string } | null

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16)

/**
 * Klarna gets the edited shipping address before Medusa changes the order, so
 * an address Klarna refuses is not taken: the admin sees Klarna's reason and
 * both keep the old one. Compensation sends the old address back when Medusa
 * then does not take the edit (retried as an action until Klarna has it).
 */
export const updateKlarnaAddressBeforeEditStep = createStep(
  "update-klarna-address-before-edit",
  async (input: AddressEditInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "email", "shipping_address.*"], filters: { id: input.order_id } })
    const order = data[0] as any
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found.`)
    }
    const email = input.email ?? order.email
    const next = toKlarnaAddress(editedAddress(order.shipping_address, input.shipping_address), email)
    const previous = toKlarnaAddress(order.shipping_address, order.email)
    if (!next) {
      return new StepResponse<null, Restore>(null, null)
    }
    const attempt = `${digest(next)}-${Date.now().toString(36)}`
    const entry = await runKlarnaAction(container, updateKlarnaShippingAddressAction, {
      order_id: input.order_id,
      operation_key: `customer-details:${input.order_id}:${attempt}`,
      actor: input.actor,
      input: { order_id: input.order_id, shipping_address: next, request_key: attempt },
    })
    if (entry?.outcome === "failed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${entry.message} The order's shipping address was not changed.`)
    }
    const restore: Restore =
      entry?.outcome === "succeeded" && previous
        ? { order_id: input.order_id, shipping_address: previous, request_key: `restore-${attempt}`, actor: input.actor }
        : null
    return new StepResponse(entry ?? null, restore)
  },
  async (restore, { container }) => {
    if (!restore) {
      return
    }
    await runKlarnaAction(container, updateKlarnaShippingAddressAction, {
      order_id: restore.order_id,
      operation_key: `customer-details:${restore.order_id}:${restore.request_key}`,
      actor: restore.actor,
      input: { order_id: restore.order_id, shipping_address: restore.shipping_address, request_key: restore.request_key, restore: true },
    })
  }
)
