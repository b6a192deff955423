import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderDraft } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { importWooOrder, type ImportOrderOptions, type ImportOutcome } from "./import-woo-order"
import { importWooCommerceOrdersWorkflow } from "./import-woocommerce-orders"

/**
 * Imports a page of mapped WooCommerce orders, each with the outcome
 * `importWooOrder` gives it: the new ones (no Woo order link yet) in one
 * import-woocommerce-orders workflow run, everything else (updates of linked
 * orders, a second copy of an order, a dry run, a replay the batch leaves to
 * the per-order path) through `importWooOrder`. If the page's workflow fails
 * as a whole it has been undone, and its orders go through `importWooOrder`
 * one by one, so each still gets its own outcome.
 */
export async function importWooOrdersBatch(container: MedusaContainer, drafts: ImportedOrderDraft[], options: ImportOrderOptions): Promise<ImportOutcome[]> {
  const outcomes: Array<ImportOutcome | undefined> = new Array(drafts.length)
  const fresh = options.dry_run ? [] : await newOrders(container, drafts, options.shop_url)
  if (fresh.length) {
    try {
      const { result } = await importWooCommerceOrdersWorkflow(container).run({
        input: { drafts: fresh.map((i) => drafts[i]), shop_url: options.shop_url, sales_channel_id: options.sales_channel_id, reconcile: options.reconcile, regions: options.regions },
      })
      result.forEach((r, k) => {
        const draft = drafts[fresh[k]]
        const klarna_order_id = draft.klarna.klarna_order_id
        if ("order_id" in r) {
          outcomes[fresh[k]] = { outcome: "imported", medusa_order_id: r.order_id, klarna_order_id, differences: r.differences.length ? r.differences : undefined }
        } else if ("rejected" in r) {
          outcomes[fresh[k]] = { outcome: "failed", reason: r.rejected, klarna_order_id }
        }
      })
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`WooCommerce import: the page's batch failed (${(e as Error).message.split("\n")[0]}); importing its ${fresh.length} new orders one by one`)
    }
  }
  for (let i = 0; i < drafts.length; i++) {
    outcomes[i] ??= await importOrFail(container, drafts[i], options)
  }
  return outcomes as ImportOutcome[]
}

/** Indexes of the drafts with no Woo order link, the first copy of each WooCommerce order only. */
async function newOrders(container: MedusaContainer, drafts: ImportedOrderDraft[], shopUrl: string): Promise<number[]> {
  if (!drafts.length) return []
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const links = await woo.listWooOrderLinks({ shop_url: shopUrl, woo_order_id: drafts.map((d) => d.woo_id) }, { select: ["id", "woo_order_id"] })
  const taken = new Set(links.map((l) => Number(l.woo_order_id)))
  const fresh: number[] = []
  drafts.forEach((d, i) => {
    if (!taken.has(d.woo_id)) fresh.push(i)
    taken.add(d.woo_id)
  })
  return fresh
}

/** `importWooOrder`, with a failure as the order's outcome (as the run records it). */
export async function importOrFail(container: MedusaContainer, draft: ImportedOrderDraft, options: ImportOrderOptions): Promise<ImportOutcome> {
  try {
    return await importWooOrder(container, draft, options)
  } catch (e) {
    return { outcome: "failed", reason: (e as Error).message, klarna_order_id: draft.klarna.klarna_order_id }
  }
}
