import type { ImportedOrderDraft } from "./map-order/woo-draft-types"
import { wooPaymentTruth } from "./payment-truth"

/** What Medusa's ledger already holds for an imported order's payment, in minor units. */
export type LedgerAmounts = { captured: number; refunded: number }

/** The difference to replay into Medusa's ledger: amounts in minor units (0 = none). */
export type WooReplayPlan = { capture: number; refund: number; cancel: boolean }

/**
 * What changed in WooCommerce since the order was imported (captured,
 * refunded, cancelled there before the cut-over), as the difference to the
 * ledger. null when there is nothing to replay.
 */
export function planWooReplay(draft: ImportedOrderDraft, ledger: LedgerAmounts): WooReplayPlan | null {
  const { captured: shouldBeCaptured, canceled } = wooPaymentTruth(draft)
  const wooRefunded = draft.refunds.reduce((s, r) => s + r.amount, 0)
  if (shouldBeCaptured <= ledger.captured && wooRefunded <= ledger.refunded && !canceled) {
    return null
  }
  return {
    capture: Math.max(shouldBeCaptured - ledger.captured, 0),
    refund: Math.max(wooRefunded - ledger.refunded, 0),
    cancel: canceled && ledger.captured === 0 && shouldBeCaptured === 0,
  }
}

/** The plan as the run's report says it, in the order it is replayed. */
export function describeWooReplay(plan: WooReplayPlan | null): string[] {
  if (!plan) {
    return []
  }
  return [
    ...(plan.capture > 0 ? [`captured in WooCommerce: ${plan.capture}`] : []),
    ...(plan.refund > 0 ? [`refunded in WooCommerce: ${plan.refund}`] : []),
    ...(plan.cancel ? ["cancelled in WooCommerce"] : []),
  ]
}
