import { Text } from "@medusajs/ui"
import { formatMinor } from "../lib/money"
import { useOrderSettlements } from "../lib/klarna-settlements-api"

const date = (iso: string) => new Date(iso).toLocaleDateString()

/** On the order's Klarna widget: which payouts paid its captures and refunds, and Klarna's fees. */
export const KlarnaSettlements = ({ orderId }: { orderId: string }) => {
  const { data } = useOrderSettlements(orderId)
  const payouts = data?.payouts ?? []
  if (!payouts.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="klarna-settlements">
      <Text size="small" weight="plus">
        Paid out by Klarna
      </Text>
      {payouts.map((p) => (
        <div key={p.id} className="flex flex-col" data-testid={`klarna-settlement-${p.payment_reference}`}>
          <div className="flex justify-between">
            <Text size="small">
              Payout {p.payment_reference} · {date(p.payout_date)}
            </Text>
            <Text size="small" weight="plus" data-testid="klarna-settlement-net">
              {formatMinor(p.order_sale_amount_minor - p.order_return_amount_minor - p.order_fee_amount_minor, p.currency_code)}
            </Text>
          </div>
          {p.transactions
            .filter((t) => t.type === "SALE" || t.type === "RETURN")
            .map((t) => (
              <div key={t.id} className="flex justify-between text-ui-fg-subtle">
                <Text size="xsmall">
                  {t.type === "SALE" ? `Capture ${t.medusa_capture_id ?? "not in Medusa"}` : `Refund ${t.medusa_refund_id ?? "not in Medusa"}`}
                  {t.match_state === "amount_differs" ? " · amount differs" : t.match_state === "unmatched" ? " · unmatched" : ""}
                </Text>
                <Text size="xsmall">{(t.type === "RETURN" ? "−" : "") + formatMinor(t.amount_minor, t.currency_code)}</Text>
              </div>
            ))}
          <div className="flex justify-between text-ui-fg-subtle">
            <Text size="xsmall">Klarna fees</Text>
            <Text size="xsmall" data-testid="klarna-settlement-fees">
              −{formatMinor(p.order_fee_amount_minor, p.currency_code)}
            </Text>
          </div>
        </div>
      ))}
    </div>
  )
}
