import type { BigNumberInput } from "@medusajs/framework/types"
import type { KlarnaPaymentData } from "../../../klarna/types/payment-data"
import { toMinorUnits } from "../../../klarna/utils/currency"
import { readMedusaOperation, recordKlarnaAdoption, type KlarnaRowMetadata } from "./medusa-operation"

/*
 * An order migrated from WooCommerce replays its history (captures, refunds
 * already done in Klarna) into Medusa's ledger: recorded, never sent. The
 * importer sets `import_replay` only while it replays, then clears it. Each
 * row adopts the Klarna money it stands for, so no later capture claims it.
 */

/** A replayed capture: the payment's data with it recorded, and what its Medusa row adopts. */
export function importedCapture(data: KlarnaPaymentData, row: { id?: string; amount: number }) {
  const known = data.captures ?? []
  const id = (data.import_capture_ids ?? [])[known.length] ?? `imported-${known.length + 1}`
  const adoption: Required<KlarnaRowMetadata> = { adopted_amount: row.amount, adopted_id: id }
  const next: KlarnaPaymentData = { ...data, captures: [...known, { capture_id: id, medusa_capture_id: row.id, amount: row.amount, adopted: true }] }
  return { data: next, adoption }
}

/** A replayed refund: the payment's data with it recorded, and what its Medusa row adopts. */
export function importedRefund(data: KlarnaPaymentData, row: { id?: string; amount: number }) {
  const known = data.refunds ?? []
  const id = `imported-${known.length + 1}`
  const adoption: Required<KlarnaRowMetadata> = { adopted_amount: row.amount, adopted_id: id }
  const next: KlarnaPaymentData = {
    ...data,
    refunds: [...known, { refund_id: id, medusa_refund_id: row.id, amount: row.amount, adopted: true, summary: "refunded in WooCommerce" }],
  }
  return { data: next, adoption }
}

export async function recordImportedCapture(container: Record<string, unknown>, data: KlarnaPaymentData, idempotencyKey?: string): Promise<KlarnaPaymentData> {
  const operation = await readMedusaOperation(container, "capture", idempotencyKey)
  const amount = operation ? toMinorUnits(operation.amount, data.currency_code ?? "sek") : 0
  const recorded = importedCapture(data, { id: operation?.id, amount })
  if (operation) {
    await recordKlarnaAdoption(container, "capture", operation, recorded.adoption)
  }
  return recorded.data
}

export async function recordImportedRefund(
  container: Record<string, unknown>,
  data: KlarnaPaymentData,
  idempotencyKey: string | undefined,
  raw: BigNumberInput
): Promise<KlarnaPaymentData> {
  const operation = await readMedusaOperation(container, "refund", idempotencyKey)
  const recorded = importedRefund(data, { id: operation?.id, amount: toMinorUnits(raw, data.currency_code ?? "sek") })
  if (operation) {
    await recordKlarnaAdoption(container, "refund", operation, recorded.adoption)
  }
  return recorded.data
}
