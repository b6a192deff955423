import { Button, Input, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { errorText, useKlarnaOrderAction, type KlarnaOrderState } from "../lib/klarna-api"
import { KlarnaRefundDrawer } from "./klarna-refund-drawer"

type Action = { label: string; path: string; confirm: string; enabled: boolean; body?: () => Record<string, unknown>; testId: string }

/** The WooCommerce metabox's actions, each enabled only when Klarna's state allows it. */
export const KlarnaActions = ({ state, orderStatus, orderId, refetch }: { state: KlarnaOrderState; orderStatus: string; orderId: string; refetch: () => void }) => {
  const prompt = usePrompt()
  const action = useKlarnaOrderAction(orderId)
  const [amount, setAmount] = useState("")
  const k = state.klarna
  const status = k?.status
  const open = status === "AUTHORIZED" || status === "PART_CAPTURED"
  const fraudOk = (k?.fraud_status ?? "ACCEPTED") === "ACCEPTED"
  const expired = k?.expires_at ? new Date(k.expires_at).getTime() < Date.now() : false
  const currency = k?.purchase_currency ?? "SEK"
  const refundable = k ? k.captured_amount - k.refunded_amount : 0

  const actions: Action[] = [
    { label: "Complete order", path: `/admin/orders/${orderId}/complete`, confirm: "Mark the order as completed? With “on order completion” on, Klarna captures the remaining amount.", enabled: !["completed", "canceled"].includes(orderStatus), testId: "klarna-complete" },
    { label: "Capture remaining", path: `/admin/klarna/orders/${orderId}/capture`, confirm: "Capture everything that remains in Klarna?", enabled: open && fraudOk && !expired && (k?.remaining_authorized_amount ?? 0) > 0, testId: "klarna-capture" },
    { label: "Cancel in Klarna", path: `/admin/klarna/orders/${orderId}/cancel`, confirm: "Cancel the Klarna order? This cannot be undone.", enabled: status === "AUTHORIZED" && (k?.captured_amount ?? 0) === 0, testId: "klarna-cancel" },
    { label: "Release remaining", path: `/admin/klarna/orders/${orderId}/release`, confirm: "Release the remaining authorization? The customer will not be charged for it.", enabled: status === "PART_CAPTURED", testId: "klarna-release" },
    { label: "Extend authorization", path: `/admin/klarna/orders/${orderId}/extend`, confirm: "Extend the time the Klarna authorization is valid?", enabled: open && !expired, testId: "klarna-extend" },
    { label: "Sync from Klarna", path: `/admin/klarna/orders/${orderId}/sync`, confirm: "Read the order from Klarna and record captures and refunds made there?", enabled: !!state.klarna_order_id, testId: "klarna-sync" },
  ]

  const run = async (a: Action) => {
    if (!(await prompt({ title: a.label, description: a.confirm, confirmText: a.label, cancelText: "Back" }))) {
      return
    }
    try {
      const res = await action.mutateAsync({ path: a.path, body: a.body?.() })
      toast.success(a.label, {
        description: res?.event?.message ?? (res?.order ? "Order completed. Klarna's result appears in the log below." : "Done."),
      })
    } catch (e) {
      toast.error(a.label, { description: errorText(e) })
    }
    refetch()
  }

  const captureAmount = async () => {
    const value = Number(amount.replace(",", "."))
    if (!(value > 0)) return
    await run({ label: `Capture ${amount} ${currency}`, path: `/admin/klarna/orders/${orderId}/capture`, confirm: `Capture ${amount} ${currency} in Klarna?`, enabled: true, body: () => ({ amount: value }), testId: "" })
    setAmount("")
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button key={a.label} size="small" variant="secondary" disabled={!a.enabled || action.isPending} onClick={() => run(a)} data-testid={a.testId}>
            {a.label}
          </Button>
        ))}
        <KlarnaRefundDrawer orderId={orderId} currency={currency} refundable={refundable} onDone={refetch} />
      </div>
      {open && fraudOk && !expired && (
        <div className="flex gap-x-2">
          <Input size="small" placeholder={`Amount (${currency})`} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="klarna-capture-amount" />
          <Button size="small" variant="secondary" onClick={captureAmount} disabled={!amount}>
            Capture amount
          </Button>
        </div>
      )}
    </div>
  )
}
