import { Text } from "@medusajs/ui"

/** `authorization` of GET /admin/klarna/orders/:id. */
export type KlarnaAuthorization = {
  state: "active" | "cannot_extend" | "expired" | "none"
  expires_at: string | null
  max_expires_at: string | null
  days_left: number | null
  extend_days_before_expiry: number
  auto_extend: boolean
}

const day = (at: string) => at.slice(0, 10)
const inDays = (n: number | null) => (n == null ? "" : n === 0 ? " (today)" : ` (in ${n} day${n === 1 ? "" : "s"})`)

/** When the Klarna reservation runs out, and whether it is extended before then. */
export const KlarnaExpiry = ({ authorization: a }: { authorization?: KlarnaAuthorization | null }) => {
  if (!a || a.state === "none" || !a.expires_at) {
    return null
  }
  if (a.state === "expired") {
    return (
      <div className="px-6 py-3" data-testid="klarna-expiry">
        <Text size="small" className="text-ui-fg-error" data-testid="klarna-expiry-expired">
          Reservation expired on {day(a.expires_at)}: it can no longer be captured.
        </Text>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="klarna-expiry">
      <Text size="small" data-testid="klarna-expiry-date">
        Reservation expires on {day(a.expires_at)}
        {inDays(a.days_left)}
      </Text>
      {a.state === "cannot_extend" && a.max_expires_at ? (
        <Text size="small" className="text-ui-fg-error" data-testid="klarna-expiry-cap">
          Cannot be extended past {day(a.max_expires_at)} (180 days): capture what you can ship before then.
        </Text>
      ) : a.auto_extend ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="klarna-expiry-auto">
          Extended automatically {a.extend_days_before_expiry} days before it expires
          {a.max_expires_at ? `, until ${day(a.max_expires_at)} at most (180 days)` : ""}.
        </Text>
      ) : (
        <Text size="small" className="text-ui-fg-subtle" data-testid="klarna-expiry-manual">
          Not extended automatically for this order: extend it by hand or capture before then.
        </Text>
      )}
    </div>
  )
}
