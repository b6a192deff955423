import type { BigNumberInput } from "@medusajs/framework/types"

type Row = Record<string, any>
type InternalService = {
  retrieve: (id: string, config?: Record<string, unknown>) => Promise<Row>
  list: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<Row[]>
  update: (data: Row) => Promise<unknown>
}

export type MedusaOperationKind = "capture" | "refund"

export interface MedusaOperation {
  id: string
  payment_id: string
  amount: BigNumberInput
  note?: string | null
  metadata?: Record<string, unknown> | null
}

/** What the plugin records on a Medusa capture/refund row about its Klarna side. */
export interface KlarnaRowMetadata {
  /** Minor units this row took over from a Klarna capture/refund made outside Medusa. */
  adopted_amount?: number
  adopted_id?: string
}

const FIELDS = ["id", "payment_id", "amount", "raw_amount", "note", "metadata"]

/*
 * Medusa's payment module creates the capture/refund row before it calls the
 * provider, and passes its id as the idempotency key but not its amount
 * (capturePayment gets no amount at all). Rows are read through the module's
 * internal capture/refund services — an internal API, kept in this file only.
 */
function serviceFor(container: Record<string, unknown>, kind: MedusaOperationKind): InternalService | undefined {
  const service = container[kind === "capture" ? "captureService" : "refundService"] as Partial<InternalService> | undefined
  return service?.retrieve && service.list && service.update ? (service as InternalService) : undefined
}

export async function readMedusaOperation(
  container: Record<string, unknown>,
  kind: MedusaOperationKind,
  id: string | undefined
): Promise<MedusaOperation | undefined> {
  const prefix = kind === "capture" ? "capt_" : "ref_"
  const service = serviceFor(container, kind)
  if (!id || !id.startsWith(prefix) || !service) {
    return undefined
  }
  try {
    return toOperation(await service.retrieve(id, { select: FIELDS }))
  } catch {
    return undefined
  }
}

/** Every capture (or refund) row Medusa holds for a payment, as committed now. */
export async function listMedusaOperations(
  container: Record<string, unknown>,
  kind: MedusaOperationKind,
  paymentId: string
): Promise<MedusaOperation[]> {
  const service = serviceFor(container, kind)
  if (!service) {
    return []
  }
  return (await service.list({ payment_id: paymentId }, { select: FIELDS })).map(toOperation)
}

/** Records on the row that it took over Klarna money moved outside Medusa, so no other row claims it again. */
export async function recordKlarnaAdoption(
  container: Record<string, unknown>,
  kind: MedusaOperationKind,
  operation: MedusaOperation,
  adoption: Required<KlarnaRowMetadata>
): Promise<void> {
  const service = serviceFor(container, kind)
  await service?.update({ id: operation.id, metadata: { ...(operation.metadata ?? {}), klarna: adoption } })
}

export function adoptedAmountOf(operation: MedusaOperation): number {
  const klarna = (operation.metadata?.klarna ?? {}) as KlarnaRowMetadata
  return Number.isSafeInteger(klarna.adopted_amount) ? klarna.adopted_amount! : 0
}

function toOperation(row: Row): MedusaOperation {
  return {
    id: row.id,
    payment_id: row.payment_id ?? row.payment?.id,
    amount: (row.raw_amount ?? row.amount) as BigNumberInput,
    note: row.note ?? null,
    metadata: row.metadata ?? null,
  }
}
