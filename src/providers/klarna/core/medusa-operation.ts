import type { BigNumberInput } from "@medusajs/framework/types"

type InternalService = {
  retrieve: (id: string, config?: Record<string, unknown>) => Promise<Record<string, any>>
}

export interface MedusaOperation {
  id: string
  amount: BigNumberInput
  note?: string | null
}

/**
 * Medusa's payment module creates the capture/refund row before it calls the
 * provider, and passes its id as the idempotency key but not its amount
 * (capturePayment gets no amount at all). The row is read back through the
 * module's internal capture/refund service — an internal API, kept here only.
 */
export async function readMedusaOperation(
  container: Record<string, unknown>,
  kind: "capture" | "refund",
  id: string | undefined
): Promise<MedusaOperation | undefined> {
  const prefix = kind === "capture" ? "capt_" : "ref_"
  if (!id || !id.startsWith(prefix)) {
    return undefined
  }
  const service = container[kind === "capture" ? "captureService" : "refundService"] as InternalService | undefined
  if (!service?.retrieve) {
    return undefined
  }
  try {
    const row = await service.retrieve(id)
    return { id, amount: (row.raw_amount ?? row.amount) as BigNumberInput, note: row.note ?? null }
  } catch {
    return undefined
  }
}
