import { Text } from "@medusajs/ui"
import { formatMinor } from "../lib/money"
import type { KlarnaOrderState } from "../lib/klarna-api"
import { KlarnaCaptureTracking } from "./klarna-capture-tracking"

/** Captures (with their tracking) and refunds as Klarna has them, with the refund kind Medusa recorded. */
export const KlarnaTransactions = ({ state }: { state: KlarnaOrderState }) => {
  const k = state.klarna
  if (!k || (!k.captures.length && !k.refunds.length)) {
    return null
  }
  const kinds = new Map<string, string>((state.payment?.data.refunds ?? []).map((r: any) => [r.refund_id, r.summary ?? r.kind]))
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="klarna-transactions">
      {k.captures.map((c) => (
        <div key={c.capture_id} className="flex flex-col" data-testid="klarna-capture">
          <div className="flex justify-between">
            <Text size="small">Capture {c.klarna_reference ?? c.capture_id.slice(0, 8)}</Text>
            <Text size="small" weight="plus">
              {formatMinor(c.captured_amount, k.purchase_currency)}
            </Text>
          </div>
          <KlarnaCaptureTracking captureId={c.capture_id} shippingInfo={c.shipping_info} />
        </div>
      ))}
      {k.refunds.map((r) => (
        <div key={r.refund_id} className="flex justify-between">
          <Text size="small">Refund · {kinds.get(r.refund_id) ?? r.description ?? "amount"}</Text>
          <Text size="small" weight="plus">
            −{formatMinor(r.refunded_amount, k.purchase_currency)}
          </Text>
        </div>
      ))}
    </div>
  )
}
