import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { formatMinor } from "../lib/money"

type KlarnaData = {
  klarna_order_id?: string
  klarna_reference?: string
  klarna_status?: string
  payment_method?: string
  environment?: string
  currency_code?: string
  order_amount?: number
  captured_amount?: number
  refunded_amount?: number
  remaining_authorized_amount?: number
  expires_at?: string
}

const STATUS_COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  AUTHORIZED: "blue",
  PART_CAPTURED: "orange",
  CAPTURED: "green",
  CANCELLED: "red",
  EXPIRED: "red",
  CLOSED: "grey",
}

const Row = ({ label, value }: { label: string; value?: string }) => (
  <div className="flex items-center justify-between px-6 py-2">
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {value ?? "–"}
    </Text>
  </div>
)

/** Klarna's view of the order: shown on Klarna-paid orders only. */
const KlarnaOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const payment = (order.payment_collections ?? [])
    .flatMap((c) => c.payments ?? [])
    .find((p) => p.provider_id?.startsWith("pp_klarna"))
  const klarna = payment?.data as KlarnaData | undefined
  if (!klarna?.klarna_order_id) {
    return null
  }
  const currency = klarna.currency_code
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Klarna</Heading>
        {klarna.klarna_status && <Badge color={STATUS_COLOR[klarna.klarna_status] ?? "grey"}>{klarna.klarna_status}</Badge>}
      </div>
      <Row label="Klarna order ID" value={klarna.klarna_order_id} />
      <Row label="Klarna reference" value={klarna.klarna_reference} />
      <Row label="Payment method" value={klarna.payment_method?.replace(/_/g, " ")} />
      <Row label="Environment" value={klarna.environment} />
      <Row label="Authorized" value={formatMinor(klarna.order_amount, currency)} />
      <Row label="Captured" value={formatMinor(klarna.captured_amount, currency)} />
      <Row label="Refunded" value={formatMinor(klarna.refunded_amount, currency)} />
      <Row label="Remaining" value={formatMinor(klarna.remaining_authorized_amount, currency)} />
      <Row label="Authorization expires" value={klarna.expires_at?.slice(0, 10)} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side" })

export default KlarnaOrderWidget
