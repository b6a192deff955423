import { Text } from "@medusajs/ui"
import { daysUntil, formatMinor } from "../lib/money"
import type { KlarnaOrderState } from "../lib/klarna-api"

const Row = ({ label, value, testId }: { label: string; value?: string; testId?: string }) => (
  <div className="flex items-center justify-between px-6 py-1.5">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" leading="compact" weight="plus" data-testid={testId}>
      {value ?? "–"}
    </Text>
  </div>
)

export const KlarnaAmounts = ({ state }: { state: KlarnaOrderState }) => {
  const k = state.klarna
  const data = state.payment?.data ?? {}
  const currency = k?.purchase_currency ?? data.currency_code
  const days = daysUntil(k?.expires_at ?? data.expires_at)
  return (
    <div className="py-2">
      <Row label="Klarna order ID" value={state.klarna_order_id ?? undefined} testId="klarna-order-id" />
      <Row label="Klarna reference" value={k?.klarna_reference ?? data.klarna_reference} testId="klarna-reference" />
      <Row label="Payment method" value={String(data.payment_method ?? "").replace(/_/g, " ") || undefined} />
      <Row label="Environment" value={data.environment} />
      <Row label="Authorized" value={formatMinor(k?.order_amount ?? data.order_amount, currency)} testId="klarna-authorized" />
      <Row label="Captured" value={formatMinor(k?.captured_amount ?? data.captured_amount, currency)} testId="klarna-captured" />
      <Row label="Refunded" value={formatMinor(k?.refunded_amount ?? data.refunded_amount, currency)} testId="klarna-refunded" />
      <Row label="Remaining" value={formatMinor(k?.remaining_authorized_amount ?? data.remaining_authorized_amount, currency)} testId="klarna-remaining" />
      <Row
        label="Authorization expires"
        value={k?.expires_at ? `${k.expires_at.slice(0, 10)}${days !== undefined && days <= 7 && days >= 0 ? ` (in ${days} days!)` : ""}` : undefined}
      />
    </div>
  )
}
