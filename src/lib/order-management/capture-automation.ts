import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaCapturePlan, KlarnaPaymentData } from "../../klarna/types/payment-data"
import { captureKlarnaOrderWorkflow } from "../../workflows/capture-klarna-order"
import { collectCaptureReferences } from "../../providers/klarna/core/capture-reference-prefetch"
import { klarnaClientFor } from "./klarna-provider-client"
import { klarnaMessages } from "./messages"
import type { AutomationResult } from "./run-klarna-automation"

export type CaptureAutomationInput = {
  order_id: string
  amount?: number
  respect_toggle: boolean
  capture_plan?: Omit<KlarnaCapturePlan, "amount">
  captured_by?: string
  read_klarna?: boolean
}

/** Captures through the capture workflow and describes what happened for the event log. */
export async function captureKlarnaForOrder(container: MedusaContainer, input: CaptureAutomationInput): Promise<AutomationResult> {
  const run = (read_klarna: boolean) => captureKlarnaOrderWorkflow(container).run({ input: { ...input, read_klarna } })
  const {
    result: { result },
    references,
  } = await collectCaptureReferences(() =>
    run(!!input.read_klarna).catch(async (error) => {
      // Klarna refused: guarded again on Klarna's live order, a refusal it explains ends as that guard's entry.
      if ((error as { type?: string })?.type !== MedusaError.Types.NOT_ALLOWED || input.read_klarna) throw error
      return await run(true)
    })
  )
  const r = result.resolution
  if (!r) {
    return null
  }
  if (!r.capture) {
    return {
      outcome: r.outcome,
      message: r.message,
      payment_id: r.payment_id,
      klarna_order_id: r.klarna_order_id,
      currency_code: r.currency_code,
    }
  }
  // Medusa's capture answers with the payment as the provider left it.
  const payment = result.payment as { provider_id: string; data: KlarnaPaymentData } | undefined
  const record = payment?.data.captures?.[payment.data.captures.length - 1]
  const captureId = record?.capture_id ?? "unknown"
  const klarnaReference =
    record && !record.adopted && !record.klarna_reference
      ? await (references.get(captureId) ?? captureReference(container, payment!, captureId))
      : record?.klarna_reference
  return {
    outcome: "succeeded",
    payment_id: r.payment_id,
    amount: r.amount,
    currency_code: r.currency_code,
    klarna_order_id: r.klarna_order_id,
    klarna_capture_id: captureId,
    klarna_reference: klarnaReference ?? payment?.data.klarna_reference,
    message: record?.adopted
      ? klarnaMessages.adoptedCapture(r.amount, r.currency_code, captureId)
      : klarnaMessages.captured(r.amount, r.currency_code, captureId, klarnaReference),
  }
}

/**
 * The capture's own Klarna reference, which the event log names (as
 * WooCommerce's order note does). Klarna's capture answer carries only the
 * capture id; the entry is written without it when the read fails.
 */
async function captureReference(
  container: MedusaContainer,
  payment: { provider_id: string; data: { klarna_order_id?: string } },
  captureId: string
): Promise<string | undefined> {
  try {
    const capture = await klarnaClientFor(container, payment.provider_id).getCapture(payment.data.klarna_order_id!, captureId)
    return capture.klarna_reference ?? undefined
  } catch {
    return undefined
  }
}
