import { Badge, Container, Heading, Text } from "@medusajs/ui"
import type { KlarnaHistory } from "../lib/klarna-api"

const WHY: Record<KlarnaHistory["reason"], string> = {
  legacy_gateway: "Paid through WooCommerce's legacy Klarna gateway: Klarna's order management cannot act on it, so Medusa keeps it as history.",
  order_management_disconnected: "Klarna order management was switched off for this order in WooCommerce, so Medusa leaves it alone.",
  no_klarna_order_id: "WooCommerce recorded no Klarna order id for this order, so Medusa cannot manage it in Klarna.",
}

const Row = ({ label, value, testId }: { label: string; value: string | null; testId?: string }) =>
  value ? (
    <div className="flex items-center justify-between px-6 py-1.5">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" leading="compact" weight="plus" data-testid={testId}>
        {value}
      </Text>
    </div>
  ) : null

/** The read-only Klarna history of an imported order Medusa does not manage in Klarna. */
export const KlarnaHistoryPanel = ({ history }: { history: KlarnaHistory }) => (
  <Container className="divide-y p-0" data-testid="klarna-history">
    <div className="flex items-center justify-between px-6 py-4">
      <Heading level="h2">Klarna</Heading>
      <Badge color="grey">History (read-only)</Badge>
    </div>
    <Text size="small" className="text-ui-fg-subtle px-6 py-3">
      {WHY[history.reason]}
    </Text>
    <div className="py-2">
      <Row label="WooCommerce gateway" value={`${history.title ?? history.gateway} (${history.gateway})`} testId="klarna-history-gateway" />
      <Row label="Payment method" value={history.payment_method.replace(/_/g, " ")} />
      <Row label="Klarna order ID" value={history.klarna_order_id} />
      <Row label="Reservation number" value={history.reservation_number} testId="klarna-history-reservation" />
      <Row label="Invoice number" value={history.invoice_number} testId="klarna-history-invoice" />
      <Row label="Environment" value={history.environment} />
    </div>
  </Container>
)
