/**
 * WooCommerce order status → what the import creates in Medusa
 * (reference: woocommerce-import.md §5).
 *
 * | Woo                                  | payment                          | order     | note                    |
 * |--------------------------------------|----------------------------------|-----------|-------------------------|
 * | processing                           | authorized                       | pending   |                         |
 * | on-hold                              | authorized                       | pending   | flag_review             |
 * | completed                            | captured                         | completed |                         |
 * | cancelled                            | canceled                         | canceled  |                         |
 * | refunded                             | refunded                         | completed |                         |
 * | any importable status with refunds   | partially_refunded / refunded    | (as above)| review unless completed |
 * | pending, failed, checkout-draft      | skip (includeUnpaid: not_paid / canceled, flagged)       |
 * | trash, auto-draft                    | skip, always                                             |
 * | custom (shipped, delivered, …)       | as completed, flagged (configure `customStatuses`)       |
 */
export type MedusaImportPaymentStatus =
  | "authorized"
  | "captured"
  | "canceled"
  | "refunded"
  | "partially_refunded"
  /** Only with `includeUnpaid` (pending / checkout-draft orders). */
  | "not_paid"

export type MedusaImportOrderStatus = "pending" | "completed" | "canceled"

export interface MedusaStatusTarget {
  payment: MedusaImportPaymentStatus
  order_status: MedusaImportOrderStatus
  flag_review?: boolean
  /** Why the order is flagged for review (present iff flag_review). */
  review_reasons?: string[]
}

export type WooStatusMapping =
  | { action: "import"; woo_status: string; medusa: MedusaStatusTarget }
  | { action: "skip"; woo_status: string; reason: string }

/** What a custom status should be treated as. */
export type WooBaseStatus = "processing" | "on-hold" | "completed" | "cancelled" | "refunded" | "skip"

export interface StatusMapOptions {
  /** Import pending / failed / checkout-draft orders too (flagged for review). Default false. */
  includeUnpaid?: boolean
  /** Sum of the order's refunds, in minor units. */
  refundedAmount?: number
  /** Order total, in minor units (to tell a full refund from a partial one). */
  orderTotal?: number
  /** Custom (plugin) statuses, without the `wc-` prefix, e.g. `{ shipped: "completed" }`. */
  customStatuses?: Record<string, WooBaseStatus>
}

const UNPAID = new Set(["pending", "failed", "checkout-draft"])
const NEVER = new Set(["trash", "auto-draft", "draft"])

function target(payment: MedusaImportPaymentStatus, order_status: MedusaImportOrderStatus, reasons: string[]): MedusaStatusTarget {
  const t: MedusaStatusTarget = { payment, order_status }
  if (reasons.length) {
    t.flag_review = true
    t.review_reasons = reasons
  }
  return t
}

export function mapWooStatus(status: string | null | undefined, options: StatusMapOptions = {}): WooStatusMapping {
  const raw = (status ?? "").trim().toLowerCase()
  const woo = raw.startsWith("wc-") ? raw.slice(3) : raw
  const reasons: string[] = []
  const refunded = options.refundedAmount ?? 0
  const total = options.orderTotal
  const fullyRefunded = refunded > 0 && total !== undefined && refunded >= total

  if (!woo) return { action: "skip", woo_status: woo, reason: "the order has no status" }
  if (NEVER.has(woo)) return { action: "skip", woo_status: woo, reason: `status "${woo}" is never imported` }

  let base: string = woo
  const custom = options.customStatuses?.[woo]
  const known = ["processing", "on-hold", "completed", "cancelled", "refunded", ...UNPAID].includes(woo)
  if (!known) {
    if (custom === "skip") return { action: "skip", woo_status: woo, reason: `custom status "${woo}" is configured to be skipped` }
    base = custom ?? "completed"
    if (!custom) reasons.push(`custom status "${woo}" imported as completed (captured); configure customStatuses if that is wrong`)
  }

  if (UNPAID.has(base)) {
    if (!options.includeUnpaid) {
      return { action: "skip", woo_status: woo, reason: `status "${woo}" is unpaid (set includeUnpaid to import it as history)` }
    }
    reasons.push(`unpaid order (status "${woo}") imported as history`)
    if (refunded > 0) reasons.push("an unpaid order has refunds")
    return base === "failed"
      ? { action: "import", woo_status: woo, medusa: target("canceled", "canceled", reasons) }
      : { action: "import", woo_status: woo, medusa: target("not_paid", "pending", reasons) }
  }

  switch (base) {
    case "processing":
    case "on-hold": {
      if (base === "on-hold") reasons.push("WooCommerce order is on hold (fraud review, failed capture or manual hold): check it in Klarna")
      if (refunded > 0) {
        reasons.push(`refunds recorded on an order that is "${woo}", not completed`)
        return { action: "import", woo_status: woo, medusa: target(fullyRefunded ? "refunded" : "partially_refunded", "pending", reasons) }
      }
      return { action: "import", woo_status: woo, medusa: target("authorized", "pending", reasons) }
    }
    case "completed":
      if (refunded > 0) {
        return { action: "import", woo_status: woo, medusa: target(fullyRefunded ? "refunded" : "partially_refunded", "completed", reasons) }
      }
      return { action: "import", woo_status: woo, medusa: target("captured", "completed", reasons) }
    case "cancelled":
      if (refunded > 0) reasons.push("cancelled order has refunds: check whether Klarna still holds a capture")
      return { action: "import", woo_status: woo, medusa: target("canceled", "canceled", reasons) }
    case "refunded":
      if (total !== undefined && options.refundedAmount !== undefined && refunded < total) {
        reasons.push(`status "refunded" but the refunds only add up to ${refunded} of ${total} (minor units)`)
      }
      return { action: "import", woo_status: woo, medusa: target("refunded", "completed", reasons) }
    default:
      return { action: "skip", woo_status: woo, reason: `status "${woo}" is not supported` }
  }
}
