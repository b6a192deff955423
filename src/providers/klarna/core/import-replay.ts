import type { BigNumberInput } from "@medusajs/framework/types"
import type { KlarnaPaymentData } from "../../../klarna/types/payment-data"
import { toMinorUnits } from "../../../klarna/utils/currency"
import { readMedusaOperation, recordKlarnaAdoption } from "./medusa-operation"

/*
 * An order migrated from WooCommerce replays its history (captures, refunds
 * already done in Klarna) into Medusa's ledger: recorded, never sent. The
 * importer sets `import_replay` only while it replays, then clears it. Each
 * row adopts the Klarna money it stands for, so no later capture claims it.
 */

export async function recordImportedCapture(container: Record<string, unknown>, data: KlarnaPaymentData, idempotencyKey?: string): Promise<KlarnaPaymentData> {
  const operation = await readMedusaOperation(container, "capture", idempotencyKey)
  const amount = operation ? toMinorUnits(operation.amount, data.currency_code ?? "sek") : 0
  const known = data.captures ?? []
  const id = (data.import_capture_ids ?? [])[known.length] ?? `imported-${known.length + 1}`
  if (operation) {
    await recordKlarnaAdoption(container, "capture", operation, { adopted_amount: amount, adopted_id: id })
  }
  return { ...data, captures: [...known, { capture_id: id, medusa_capture_id: operation?.id, amount, adopted: true }] }
}

export async function recordImportedRefund(
  container: Record<string, unknown>,
  data: KlarnaPaymentData,
  idempotencyKey: string | undefined,
  raw: BigNumberInput
): Promise<KlarnaPaymentData> {
  const operation = await readMedusaOperation(container, "refund", idempotencyKey)
  const amount = toMinorUnits(raw, data.currency_code ?? "sek")
  const known = data.refunds ?? []
  const id = `imported-${known.length + 1}`
  if (operation) {
    await recordKlarnaAdoption(container, "refund", operation, { adopted_amount: amount, adopted_id: id })
  }
  return {
    ...data,
    refunds: [...known, { refund_id: id, medusa_refund_id: operation?.id, amount, adopted: true, summary: "refunded in WooCommerce" }],
  }
}
