import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { KlarnaActions } from "../components/klarna-actions"
import { KlarnaAmounts } from "../components/klarna-amounts"
import { KlarnaAttention } from "../components/klarna-attention"
import { KlarnaAutomationSwitch } from "../components/klarna-automation-switch"
import { KlarnaEventLog } from "../components/klarna-event-log"
import { KlarnaExpiry } from "../components/klarna-expiry"
import { KlarnaHistoryPanel } from "../components/klarna-history"
import { KlarnaTransactions } from "../components/klarna-transactions"
import { KlarnaSettlements } from "../components/klarna-settlements"
import { useKlarnaOrder } from "../lib/klarna-api"

const STATUS_COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  AUTHORIZED: "blue",
  PART_CAPTURED: "orange",
  CAPTURED: "green",
  CANCELLED: "red",
  EXPIRED: "red",
  CLOSED: "grey",
}

/** Klarna on the order page: state, what needs attention, amounts, captures and refunds, actions and the event log. */
const KlarnaOrderWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [followUntil, setFollowUntil] = useState(0)
  const { data: state, isLoading, refetch } = useKlarnaOrder(order.id, followUntil)
  if (!isLoading && state && !state.klarna_order_id && state.klarna_history) {
    return <KlarnaHistoryPanel history={state.klarna_history} />
  }
  if (isLoading || !state?.klarna_order_id) {
    return null
  }
  const status = state.klarna?.status ?? state.payment?.data.klarna_status
  const follow = () => {
    setFollowUntil(Date.now() + 20_000)
    refetch()
  }
  return (
    <Container className="divide-y p-0" data-testid="klarna-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2" data-testid="klarna-widget-title">
          {state.connection === "kustom" ? "Klarna Checkout (Kustom)" : "Klarna"}
        </Heading>
        {status && (
          <Badge color={STATUS_COLOR[status] ?? "grey"} data-testid="klarna-status">
            {status}
          </Badge>
        )}
      </div>
      {state.klarna_error && (
        <Text size="small" className="text-ui-fg-error px-6 py-3">
          {state.klarna_error.message}
          {state.klarna_error.correlation_id ? ` (correlation id ${state.klarna_error.correlation_id})` : ""}
        </Text>
      )}
      <KlarnaAttention items={state.attention ?? []} orderId={order.id} refetch={follow} />
      <KlarnaExpiry authorization={state.authorization} />
      <KlarnaAmounts state={state} />
      <KlarnaTransactions state={state} />
      <KlarnaAutomationSwitch orderId={order.id} automation={state.automation} refetch={follow} />
      <KlarnaSettlements orderId={order.id} />
      <KlarnaActions state={state} orderStatus={order.status} orderId={order.id} refetch={follow} />
      <KlarnaEventLog events={state.events} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side" })

export default KlarnaOrderWidget
