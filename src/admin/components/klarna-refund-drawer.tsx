import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { sdk } from "../lib/sdk"
import { errorText } from "../lib/klarna-api"
import { formatMinor } from "../lib/money"

/** refund-preview's plan: `amount_minor` in minor units; `order_lines` are Klarna's (minor units). */
type Plan = { kind: string; summary: string; amount_minor: number; currency_code: string; order_lines: Array<{ name: string; tax_rate?: number; total_amount: number; total_tax_amount?: number }> }

/** A good-will refund that shows Klarna's VAT split before anything is sent. */
export const KlarnaRefundDrawer = ({
  orderId,
  currency,
  refundable,
  onDone,
}: {
  orderId: string
  currency: string
  refundable: number
  onDone: () => void
}) => {
  const [open, setOpen] = useState(false)
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [preview, setPreview] = useState<{ payment_id: string; plan: Plan } | null>(null)
  const [busy, setBusy] = useState(false)
  const value = Number(amount.replace(",", "."))

  const doPreview = async () => {
    setBusy(true)
    try {
      setPreview(await sdk.client.fetch(`/admin/klarna/orders/${orderId}/refund-preview`, { method: "POST", body: { amount: value } }))
    } catch (e) {
      setPreview(null)
      toast.error("Klarna refund", { description: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const doRefund = async () => {
    if (!preview) return
    setBusy(true)
    try {
      await sdk.admin.payment.refund(preview.payment_id, { amount: value, note: note || undefined })
      toast.success("Klarna refund", { description: `${formatMinor(preview.plan.amount_minor, currency)} refunded (${preview.plan.summary}).` })
      setOpen(false)
      setPreview(null)
      onDone()
    } catch (e) {
      toast.error("Klarna refund", { description: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" disabled={refundable <= 0} data-testid="klarna-refund-open">
          Refund
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Refund to Klarna</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small" className="text-ui-fg-subtle">
            Up to {formatMinor(refundable, currency)} can be refunded. An amount that is not a received return is sent as a good-will
            refund, split by VAT rate according to the Klarna settings.
          </Text>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="klarna-refund-amount">Amount ({currency.toUpperCase()})</Label>
            <Input id="klarna-refund-amount" data-testid="klarna-refund-amount" value={amount} onChange={(e) => { setAmount(e.target.value); setPreview(null) }} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="klarna-refund-note">Reason (sent to Klarna as the description)</Label>
            <Input id="klarna-refund-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          {preview && (
            <div className="rounded-md border p-3" data-testid="klarna-refund-preview">
              <Text size="small" weight="plus">
                {preview.plan.kind === "goodwill" ? "Good-will refund" : preview.plan.kind === "lines" ? "Returned items" : "Full refund"}:{" "}
                {preview.plan.summary}
              </Text>
              {preview.plan.order_lines.map((l, i) => (
                <div key={i} className="flex justify-between">
                  <Text size="small">{l.name}</Text>
                  <Text size="small">
                    {formatMinor(l.total_amount, currency)} (VAT {formatMinor(l.total_tax_amount ?? 0, currency)})
                  </Text>
                </div>
              ))}
            </div>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button variant="secondary" size="small" disabled={!(value > 0) || busy} onClick={doPreview} data-testid="klarna-refund-preview-button">
            Preview
          </Button>
          <Button size="small" disabled={!preview || busy} isLoading={busy} onClick={doRefund} data-testid="klarna-refund-confirm">
            Refund {preview ? formatMinor(preview.plan.amount_minor, currency) : ""}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
