import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WOO_IMPORT_REQUESTED } from "../workflows/woocommerce-import/request-woo-import"
import { runRequestedWooImport } from "../workflows/woocommerce-import/run-requested-woo-import"

/**
 * Runs a WooCommerce import queued by the admin route or the resume job, in a
 * worker (or the single process in shared mode), never in the HTTP server.
 * It takes minutes; a duplicate delivery finds the run claimed and does nothing.
 */
export default async function woocommerceImportRequested({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await runRequestedWooImport(container, data.id)
}

export const config: SubscriberConfig = {
  event: WOO_IMPORT_REQUESTED,
  context: { subscriberId: "woocommerce-import-requested" },
}
