import type { MedusaContainer } from "@medusajs/framework/types"
import { staleAfterMs, wooOrderUnchanged, wooUpdateReason, type ImportedOrderDraft, type ImportRegion } from "../../woocommerce"
import { discardInterruptedWooImportWorkflow } from "./discard-interrupted-woo-import"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { importWooCommerceOrderWorkflow } from "./import-woocommerce-order"
import { syncWooCommerceOrderWorkflow } from "./sync-woocommerce-order"
import { checkWooOrderImport, WOULD_IMPORT } from "./check-woo-order-import"

export type ImportOutcome = {
  outcome: "imported" | "updated" | "unchanged" | "skipped" | "failed"
  medusa_order_id?: string
  reason?: string
  klarna_order_id?: string
  differences?: string[]
}

export type ImportOrderOptions = { shop_url: string; dry_run: boolean; reconcile: boolean; sales_channel_id?: string; regions?: ImportRegion[] }

/**
 * Imports one mapped WooCommerce order: keyed by (shop URL, WooCommerce id),
 * a re-run updates the Medusa order or leaves it, never duplicates it. Each
 * write is one workflow run; a dry run makes every check and writes nothing.
 */
export async function importWooOrder(container: MedusaContainer, draft: ImportedOrderDraft, options: ImportOrderOptions): Promise<ImportOutcome> {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const klarna_order_id = draft.klarna.klarna_order_id
  let [link] = await woo.listWooOrderLinks({ shop_url: options.shop_url, woo_order_id: draft.woo_id })
  if (link?.state === "importing") {
    if (new Date(link.updated_at as any).getTime() > Date.now() - staleAfterMs()) {
      return { outcome: "failed", klarna_order_id, reason: "Another import run is importing this order right now; the next run picks it up." }
    }
    if (options.dry_run) {
      return { outcome: "imported", klarna_order_id, reason: `${WOULD_IMPORT}; an earlier import of it stopped half-way and is redone` }
    }
    // An import whose process died half-way: what it left is removed and the order imported anew.
    await discardInterruptedWooImportWorkflow(container).run({ input: { link_id: link.id, order_id: link.medusa_order_id } })
    link = undefined as any
  }
  if (link) {
    if (wooOrderUnchanged(link, draft)) {
      return { outcome: "unchanged", medusa_order_id: link.medusa_order_id, klarna_order_id }
    }
    if (options.dry_run) {
      const what = wooUpdateReason([], link, draft)
      return { outcome: "updated", medusa_order_id: link.medusa_order_id, klarna_order_id, reason: `would update (dry run: nothing written)${what ? `: ${what}` : ""}` }
    }
    const changes = (await syncWooCommerceOrderWorkflow(container).run({ input: { draft, link: { id: link.id, medusa_order_id: link.medusa_order_id } } })).result
    return { outcome: "updated", medusa_order_id: link.medusa_order_id, klarna_order_id, reason: wooUpdateReason(changes, link, draft) }
  }
  if (options.dry_run) {
    await checkWooOrderImport(container, draft, { regions: options.regions ?? [], sales_channel_id: options.sales_channel_id })
    return { outcome: "imported", klarna_order_id, reason: WOULD_IMPORT }
  }
  const { result } = await importWooCommerceOrderWorkflow(container).run({
    input: { draft, shop_url: options.shop_url, sales_channel_id: options.sales_channel_id, reconcile: options.reconcile, regions: options.regions },
  })
  return { outcome: "imported", medusa_order_id: result.order.id, klarna_order_id, differences: result.differences.length ? result.differences : undefined }
}
