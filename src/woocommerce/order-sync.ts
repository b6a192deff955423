import type { ImportedOrderDraft } from "./map-order/woo-draft-types"

/** What the import remembers of a WooCommerce order it already brought in. */
export type KnownWooOrder = { woo_modified_at?: Date | string | null; woo_status?: string | null }

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** WooCommerce's last modification of the order, as stored on its link. */
export function wooModifiedAt(draft: ImportedOrderDraft): string | null {
  return iso(draft.modified_at)
}

/** An imported order WooCommerce has not modified since, in the same status: nothing to do. */
export function wooOrderUnchanged(known: KnownWooOrder, draft: ImportedOrderDraft): boolean {
  return wooModifiedAt(draft) === iso(known.woo_modified_at) && known.woo_status === draft.status
}

/** The report's reason for an updated order: what was replayed, else the status change. */
export function wooUpdateReason(changes: string[], known: KnownWooOrder, draft: ImportedOrderDraft): string | undefined {
  if (changes.length) {
    return changes.join("; ")
  }
  return known.woo_status !== draft.status ? `status ${known.woo_status} → ${draft.status}` : undefined
}
