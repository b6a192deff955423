import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { loadOrderKlarnaPayments, orderKlarnaPayment } from "../queries/order-klarna-payments"

export type ReattachedKlarnaPayment = {
  payment_id: string
  previous_payment_id: string
  klarna_order_id: string
  payment_collection_id: string
} | null

type Undo = { session_id?: string; payment_id?: string }

/**
 * After an order change Medusa cancels the order's payment collection and
 * opens a new one for the new total (medusajs/medusa#14984). The provider did
 * not void the Klarna reservation; this backs the new collection with the same
 * Klarna order — a session naming it, authorized without a new Klarna order —
 * so the payment stays capturable from Medusa.
 */
export const reattachKlarnaPaymentStep = createStep(
  "reattach-klarna-payment",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrderKlarnaPayments(container, input.order_id)
    if (!order || order.payments.some((p) => !p.canceled_at)) {
      return new StepResponse<ReattachedKlarnaPayment, Undo>(null, {})
    }
    const previous = orderKlarnaPayment(order, "replaced")
    if (!previous) {
      return new StepResponse<ReattachedKlarnaPayment, Undo>(null, {})
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [withCollections],
    } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.id", "payment_collections.status", "payment_collections.amount", "payment_collections.currency_code", "payment_collections.payments.id"],
      filters: { id: input.order_id },
    })
    const target = ((withCollections as any)?.payment_collections ?? []).find(
      (c: any) => ["not_paid", "awaiting"].includes(c.status) && Number(c.amount) > 0 && !(c.payments ?? []).length
    )
    if (!target) {
      return new StepResponse<ReattachedKlarnaPayment, Undo>(null, {})
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const { klarna_order_id, payment_method, authorized_payment_method_type, klarna_reference, environment, region } = previous.data
    const session = await payments.createPaymentSession(target.id, {
      provider_id: previous.provider_id,
      amount: target.amount,
      currency_code: target.currency_code,
      data: {
        klarna_order_id,
        payment_method,
        authorized_payment_method_type,
        klarna_reference,
        environment,
        region,
        reattached_from_payment_id: previous.id,
      },
    })
    const payment = await payments.authorizePaymentSession(session.id, {})
    if (!payment) {
      throw new Error(`Klarna order ${klarna_order_id} could not back the order's new payment collection ${target.id}.`)
    }
    return new StepResponse<ReattachedKlarnaPayment, Undo>(
      { payment_id: payment.id, previous_payment_id: previous.id, klarna_order_id: klarna_order_id!, payment_collection_id: target.id },
      { session_id: session.id, payment_id: payment.id }
    )
  },
  async (created: Undo, { container }) => {
    if (!created?.payment_id || !created.session_id) {
      return
    }
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    await payments.cancelPayment(created.payment_id).catch(() => undefined)
    await payments.deletePaymentSession(created.session_id).catch(() => undefined)
  }
)
