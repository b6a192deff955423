import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorText } from "../../../lib/klarna-api"
import { formatMinor } from "../../../lib/money"
import {
  downloadPayoutCsv,
  useKlarnaPayout,
  useKlarnaPayouts,
  useSyncKlarnaSettlements,
  type KlarnaPayoutView,
} from "../../../lib/klarna-settlements-api"

const STATE_COLOR = { matched: "green", attached: "grey", unattached: "grey", amount_differs: "orange", unmatched: "red" } as const

const PayoutTransactions = ({ payout }: { payout: KlarnaPayoutView }) => {
  const { data, isLoading } = useKlarnaPayout(payout.id)
  if (isLoading || !data) return <Text size="small">Loading…</Text>
  return (
    <Table data-testid="klarna-payout-transactions">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Type</Table.HeaderCell>
          <Table.HeaderCell>Order</Table.HeaderCell>
          <Table.HeaderCell>Capture / refund</Table.HeaderCell>
          <Table.HeaderCell>Amount</Table.HeaderCell>
          <Table.HeaderCell>Fee</Table.HeaderCell>
          <Table.HeaderCell>Match</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {data.payout.transactions.map((t) => (
          <Table.Row key={t.id} data-testid="klarna-payout-transaction">
            <Table.Cell>{t.detailed_type ?? t.type}</Table.Cell>
            <Table.Cell>
              {t.medusa_order_id ? (
                <Link to={`/orders/${t.medusa_order_id}`} data-testid="klarna-payout-order-link">
                  #{t.medusa_order_display_id ?? t.medusa_order_id}
                </Link>
              ) : (
                <Text size="small">{t.klarna_order_id ?? "–"}</Text>
              )}
            </Table.Cell>
            <Table.Cell>{t.medusa_capture_id ?? t.medusa_refund_id ?? "–"}</Table.Cell>
            <Table.Cell>{formatMinor(t.amount_minor, t.currency_code)}</Table.Cell>
            <Table.Cell>{t.fee_amount_minor ? formatMinor(t.fee_amount_minor, t.currency_code) : "–"}</Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={STATE_COLOR[t.match_state]} data-testid="klarna-payout-match-state">
                {t.match_state.replace("_", " ")}
                {t.match_state === "amount_differs" && t.difference_minor !== null ? ` (${formatMinor(t.difference_minor, t.currency_code)})` : ""}
              </Badge>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** Settings → Klarna settlements: Klarna's and Kustom's payouts, matched to Medusa's orders. */
const KlarnaSettlementsPage = () => {
  const { data, isLoading } = useKlarnaPayouts()
  const sync = useSyncKlarnaSettlements()
  const [open, setOpen] = useState<string | null>(null)

  const onSync = async () => {
    try {
      const result = await sync.mutateAsync()
      const failed = result.connections.filter((c) => c.error)
      if (failed.length) toast.error(failed.map((c) => `${c.connection}: ${c.error}`).join("\n"))
      else toast.success(`Synced: ${result.connections.reduce((s, c) => s + c.payouts, 0)} payouts read.`)
    } catch (e) {
      toast.error(errorText(e))
    }
  }
  const onCsv = async (p: KlarnaPayoutView) => {
    try {
      await downloadPayoutCsv(p)
    } catch (e) {
      toast.error(errorText(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="klarna-settlements-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Klarna settlements</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Payouts from Klarna and Kustom, each transaction matched to its Medusa order. Synced every 6 hours.
          </Text>
        </div>
        <Button size="small" variant="secondary" isLoading={sync.isPending} onClick={onSync} data-testid="klarna-settlements-sync">
          Sync now
        </Button>
      </div>
      <div className="px-6 py-4">
        {isLoading ? null : !data?.payouts.length ? (
          <Text size="small" data-testid="klarna-settlements-empty">
            No payouts yet. Sync to read them from Klarna.
          </Text>
        ) : (
          <Table data-testid="klarna-payouts">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Reference</Table.HeaderCell>
                <Table.HeaderCell>Connection</Table.HeaderCell>
                <Table.HeaderCell>Paid out</Table.HeaderCell>
                <Table.HeaderCell>Fees</Table.HeaderCell>
                <Table.HeaderCell>Currency</Table.HeaderCell>
                <Table.HeaderCell>Matched</Table.HeaderCell>
                <Table.HeaderCell>Unmatched</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.payouts.map((p) => (
                <Table.Row key={p.id} data-testid={`klarna-payout-${p.payment_reference}`} onClick={() => setOpen(open === p.id ? null : p.id)} className="cursor-pointer">
                  <Table.Cell>{new Date(p.payout_date).toLocaleDateString()}</Table.Cell>
                  <Table.Cell>{p.payment_reference}</Table.Cell>
                  <Table.Cell>{p.brand === "kustom" ? "Kustom" : "Klarna"}</Table.Cell>
                  <Table.Cell data-testid="klarna-payout-amount">{formatMinor(p.settlement_amount_minor, p.currency_code)}</Table.Cell>
                  <Table.Cell data-testid="klarna-payout-fees">{formatMinor(p.fee_amount_minor, p.currency_code)}</Table.Cell>
                  <Table.Cell>{p.currency_code}</Table.Cell>
                  <Table.Cell data-testid="klarna-payout-matched">{p.matched_count}</Table.Cell>
                  <Table.Cell data-testid="klarna-payout-unmatched">
                    {p.unmatched_count ? <Badge size="2xsmall" color="red">{p.unmatched_count}</Badge> : 0}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      size="small"
                      variant="transparent"
                      data-testid="klarna-payout-csv"
                      onClick={(e) => {
                        e.stopPropagation()
                        void onCsv(p)
                      }}
                    >
                      Download CSV
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      {open && data?.payouts.find((p) => p.id === open) ? (
        <div className="px-6 py-4">
          <PayoutTransactions payout={data.payouts.find((p) => p.id === open)!} />
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Klarna settlements", icon: CurrencyDollar })

export default KlarnaSettlementsPage
