import { Badge, Text } from "@medusajs/ui"
import type { KlarnaEvent } from "../lib/klarna-api"

const COLOR: Record<KlarnaEvent["outcome"], "green" | "red" | "orange" | "grey" | "purple" | "blue"> = {
  running: "blue",
  succeeded: "green",
  failed: "red",
  needs_attention: "red",
  pending_retry: "orange",
  skipped: "grey",
  dismissed: "purple",
}
const URGENT = new Set(["failed", "needs_attention", "pending_retry"])

const urgent = (e: KlarnaEvent) => URGENT.has(e.outcome) && !e.resolved_at

/** The order's Klarna notes, unresolved failures and "needs attention" first, then newest first. */
export const KlarnaEventLog = ({ events }: { events: KlarnaEvent[] }) => {
  const sorted = [...events].sort((a, b) => Number(urgent(b)) - Number(urgent(a)) || b.created_at.localeCompare(a.created_at))
  if (!sorted.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-3">
        No Klarna actions yet.
      </Text>
    )
  }
  return (
    <ol className="flex flex-col gap-y-3 px-6 py-3" data-testid="klarna-event-log">
      {sorted.map((e) => (
        <li key={e.id} className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall" color={COLOR[e.outcome]}>
              {e.outcome.replace("_", " ")}
            </Badge>
            <Text size="xsmall" className="text-ui-fg-muted">
              {new Date(e.created_at).toLocaleString("sv-SE")} · {e.action} · {e.actor}
            </Text>
          </div>
          <Text size="small">{e.message}</Text>
          {e.correlation_id && (
            <Text size="xsmall" className="text-ui-fg-muted">
              Klarna correlation id {e.correlation_id}
            </Text>
          )}
        </li>
      ))}
    </ol>
  )
}
