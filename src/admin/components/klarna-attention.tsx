import { Badge, Button, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorText, useKlarnaOrderAction, type KlarnaAttentionItem } from "../lib/klarna-api"

/**
 * What Klarna could not do for this order and nobody has dealt with yet:
 * retry it now (the same recorded action), or dismiss it with a note once
 * handled elsewhere (e.g. in Klarna's merchant portal).
 */
export const KlarnaAttention = ({ items, orderId, refetch }: { items: KlarnaAttentionItem[]; orderId: string; refetch: () => void }) => {
  const action = useKlarnaOrderAction(orderId)
  const [dismissing, setDismissing] = useState<string | null>(null)
  const [note, setNote] = useState("")
  if (!items.length) {
    return null
  }

  const retry = async (item: KlarnaAttentionItem) => {
    try {
      const res = await action.mutateAsync({ path: `/admin/klarna/attention/${item.id}/retry` })
      toast.success(`Klarna ${item.action} retried`, { description: res?.event?.message ?? "Done." })
    } catch (e) {
      toast.error(`Klarna ${item.action} still failed`, { description: errorText(e) })
    }
    refetch()
  }

  const dismiss = async (item: KlarnaAttentionItem) => {
    try {
      await action.mutateAsync({ path: `/admin/klarna/attention/${item.id}/dismiss`, body: { note: note.trim() } })
      toast.success("Dismissed", { description: "The note is in the order's Klarna log." })
      setDismissing(null)
      setNote("")
    } catch (e) {
      toast.error("Could not dismiss", { description: errorText(e) })
    }
    refetch()
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-3" data-testid="klarna-attention">
      <Text size="small" weight="plus">
        Needs your attention
      </Text>
      {items.map((item) => (
        <div key={item.id} className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md p-3" data-testid="klarna-attention-item">
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall" color={item.retrying ? "orange" : "red"}>
              {item.retrying ? "retrying" : item.outcome.replace("_", " ")}
            </Badge>
            <Text size="xsmall" className="text-ui-fg-muted">
              {new Date(item.updated_at).toLocaleString("sv-SE")} · {item.action} · attempt {item.attempts}
            </Text>
          </div>
          <Text size="small">{item.reason}</Text>
          {dismissing === item.id ? (
            <div className="flex flex-col gap-y-2">
              <Textarea
                placeholder="How was it dealt with? (required)"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="klarna-attention-note"
              />
              <div className="flex gap-x-2">
                <Button size="small" variant="secondary" disabled={!note.trim() || action.isPending} onClick={() => dismiss(item)} data-testid="klarna-attention-confirm-dismiss">
                  Dismiss
                </Button>
                <Button size="small" variant="transparent" onClick={() => { setDismissing(null); setNote("") }}>
                  Back
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex gap-x-2">
              {item.can_retry && (
                <Button size="small" variant="secondary" disabled={action.isPending} onClick={() => retry(item)} data-testid="klarna-attention-retry">
                  {item.retrying ? "Retry now" : "Retry"}
                </Button>
              )}
              <Button size="small" variant="secondary" disabled={action.isPending} onClick={() => setDismissing(item.id)} data-testid="klarna-attention-dismiss">
                Dismiss…
              </Button>
            </div>
          )}
        </div>
      ))}
    </div>
  )
}
