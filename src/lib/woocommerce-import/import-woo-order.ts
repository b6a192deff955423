import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderDraft } from "../../woocommerce"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../../modules/woocommerce-import"
import { klarnaClientFor } from "../order-management/klarna-provider-client"
import type { PaymentTruth } from "./replay-payment"
import { importWooCommerceOrderWorkflow } from "../../workflows/import-woocommerce-order"
import { replayWooChanges } from "./replay-changes"
import type { ImportContextResolver } from "./resolve-import-context"

export type ImportOutcome = {
  outcome: "imported" | "updated" | "unchanged" | "skipped" | "failed"
  medusa_order_id?: string
  reason?: string
  klarna_order_id?: string
  differences?: string[]
}

export type ImportOrderOptions = { shop_url: string; dry_run: boolean; reconcile: boolean; sales_channel_id?: string }

/** What WooCommerce says was captured, refunded and canceled — and, when reconciling, Klarna's truth over it. */
async function paymentTruth(container: MedusaContainer, draft: ImportedOrderDraft, reconcile: boolean) {
  const target = draft.medusa_status.payment
  const wooCaptured = ["captured", "refunded", "partially_refunded"].includes(target) ? draft.totals.total : 0
  const truth: PaymentTruth = {
    captured: wooCaptured,
    refunds: draft.refunds.map((r) => ({ amount: r.amount, reason: r.reason })),
    canceled: target === "canceled",
  }
  const differences: string[] = []
  if (reconcile && draft.klarna.klarna_order_id && !draft.klarna.legacy) {
    try {
      const klarna = await klarnaClientFor(container).getOrder(draft.klarna.klarna_order_id)
      if (klarna.captured_amount !== wooCaptured) {
        differences.push(`captured: WooCommerce ${wooCaptured}, Klarna ${klarna.captured_amount} (Klarna used)`)
        truth.captured = Math.min(klarna.captured_amount, draft.totals.total)
      }
      const wooRefunded = draft.refunds.reduce((s, r) => s + r.amount, 0)
      if (klarna.refunded_amount !== wooRefunded) {
        differences.push(`refunded: WooCommerce ${wooRefunded}, Klarna ${klarna.refunded_amount} (Klarna used)`)
        truth.refunds = klarna.refunded_amount > 0 ? [{ amount: Math.min(klarna.refunded_amount, truth.captured), reason: "Refunded (per Klarna)" }] : []
      }
      if (klarna.status === "CANCELLED" && !truth.canceled) {
        differences.push("Klarna order is cancelled (Klarna used)")
        truth.canceled = true
      }
    } catch (e) {
      differences.push(`Klarna could not confirm the order: ${(e as Error).message}`)
    }
  }
  return { truth, differences }
}

/**
 * Imports one mapped WooCommerce order as a Medusa order, through the order
 * and payment modules directly: no inventory reservation, no notification,
 * no order events — so the order-management automation never acts on it —
 * and no Klarna write. Keyed by (shop URL, WooCommerce id): a re-run updates
 * or leaves it, never duplicates. An order whose totals do not come out equal
 * to WooCommerce's is removed again and reported.
 */
export async function importWooOrder(
  container: MedusaContainer,
  draft: ImportedOrderDraft,
  resolver: ImportContextResolver,
  options: ImportOrderOptions
): Promise<ImportOutcome> {
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const klarna_order_id = draft.klarna.klarna_order_id
  const [link] = await woo.listWooOrderLinks({ shop_url: options.shop_url, woo_order_id: draft.woo_id })
  if (link) {
    const modified = draft.modified_at ? new Date(draft.modified_at).toISOString() : null
    const known = link.woo_modified_at ? new Date(link.woo_modified_at as any).toISOString() : null
    if (modified === known && link.woo_status === draft.status) {
      return { outcome: "unchanged", medusa_order_id: link.medusa_order_id, klarna_order_id }
    }
    const changes = options.dry_run ? [] : await replayWooChanges(container, link.medusa_order_id, draft)
    if (!options.dry_run) {
      await woo.updateWooOrderLinks({ id: link.id, woo_modified_at: modified as any, woo_status: draft.status })
    }
    return {
      outcome: "updated",
      medusa_order_id: link.medusa_order_id,
      klarna_order_id,
      reason: changes.length ? changes.join("; ") : link.woo_status !== draft.status ? `status ${link.woo_status} → ${draft.status}` : undefined,
    }
  }
  if (options.dry_run) {
    return { outcome: "imported", klarna_order_id, reason: "dry run: nothing written" }
  }

  const [region_id, customer_id, variants] = await Promise.all([resolver.region(draft), resolver.customer(draft), resolver.variants(draft)])
  const { truth, differences } = await paymentTruth(container, draft, options.reconcile)
  const { result: order } = await importWooCommerceOrderWorkflow(container).run({
    input: {
      draft,
      region_id,
      customer_id,
      sales_channel_id: options.sales_channel_id,
      variants: Object.fromEntries(variants),
      truth,
      shop_url: options.shop_url,
    },
  })
  return { outcome: "imported", medusa_order_id: order.id, klarna_order_id, differences: differences.length ? differences : undefined }
}
