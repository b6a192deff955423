import { Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { isManagedProviderId } from "../../../klarna/provider-ids"

/**
 * Writes keys into a payment's data. Medusa merges payment data on update, so
 * a key is switched off by writing it (false, null), never by leaving it out.
 */
export async function writePaymentData(container: MedusaContainer, paymentId: string, data: Record<string, unknown>) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const [fresh] = await payments.listPayments({ id: paymentId }, { select: ["id", "data"] })
  // UpdatePaymentDTO's type omits `data`, but the module persists (and merges) it.
  await payments.updatePayment({ id: paymentId, data: { ...(fresh?.data ?? {}), ...data } } as any)
}

/** Whether a payment is the Klarna provider's, whose import replay the flag switches. */
export const isKlarnaPayment = (providerId: string | null | undefined) => isManagedProviderId(providerId)
