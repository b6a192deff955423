/** The read-only WooCommerce client of the import: the HTTP layer, the endpoints on it, and `enrichOrders` on those. */
import { createEnrichOrders } from "./enrich"
import { createWooEndpoints } from "./endpoints"
import { createWooHttp } from "./http"
import type { WooReader, WooReaderConfig } from "./types"

export function createWooReader(config: WooReaderConfig): WooReader {
  const http = createWooHttp(config)
  const endpoints = createWooEndpoints(http)
  return { ...endpoints, enrichOrders: createEnrichOrders(endpoints, http.log, config.concurrency) }
}
