/** WooCommerce dates → ISO 8601 UTC ("…Z"), preferring the `_gmt` field. */
import type { WooOrder } from "../woo-schemas"
import { clean, type OrderScope } from "./order-scope"

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i

/**
 * "2025-03-14T09:42:17" (GMT, no zone) → "2025-03-14T09:42:17.000Z". Without a
 * usable GMT date the site-local one is taken as UTC, with a warning about `field`.
 */
export function toUtcIso(gmt: string | null | undefined, local: string | null | undefined, field: string, warnings: string[]): string | null {
  const fromGmt = clean(gmt)
  if (fromGmt) {
    const withZone = HAS_ZONE.test(fromGmt) ? fromGmt : `${fromGmt}Z`
    const d = new Date(withZone.replace(" ", "T"))
    if (!Number.isNaN(d.getTime())) return d.toISOString()
  }
  const fromLocal = clean(local)
  if (fromLocal) {
    const hasZone = HAS_ZONE.test(fromLocal)
    const d = new Date(hasZone ? fromLocal : `${fromLocal.replace(" ", "T")}Z`)
    if (!Number.isNaN(d.getTime())) {
      if (!hasZone) warnings.push(`${field}: no GMT date; the site-local time was taken as UTC`)
      return d.toISOString()
    }
  }
  return null
}

/** The order's creation date; an order without one is rejected. */
export function creationDate(scope: OrderScope, order: WooOrder): string {
  const createdAt = toUtcIso(order.date_created_gmt, order.date_created, "date_created", scope.warnings)
  if (!createdAt) return scope.fail("the order has no valid creation date")
  return createdAt
}

export function laterDates(scope: OrderScope, order: WooOrder): { modified_at: string | null; paid_at: string | null; completed_at: string | null } {
  return {
    modified_at: toUtcIso(order.date_modified_gmt, order.date_modified, "date_modified", scope.warnings),
    paid_at: toUtcIso(order.date_paid_gmt, order.date_paid, "date_paid", scope.warnings),
    completed_at: toUtcIso(order.date_completed_gmt, order.date_completed, "date_completed", scope.warnings),
  }
}
