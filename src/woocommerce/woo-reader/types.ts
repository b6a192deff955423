/** The WooCommerce reader's configuration, options and results. */
import type { WooImportError } from "../woo-import-error"
import type { LookupAll } from "../shop-host-guard"
import type { WooNote, WooOrder, WooRefund } from "../woo-schemas"

export interface WooReaderLogger {
  info?: (message: string) => void
  warn?: (message: string) => void
  debug?: (message: string) => void
}

export interface WooReaderConfig {
  /** Shop base URL, e.g. "https://shop.example.se" (not the /wp-json URL). */
  url: string
  consumerKey: string
  consumerSecret: string
  /** Per-request timeout (default 30 000 ms). */
  timeoutMs?: number
  /** Parallel refund/note requests in `enrichOrders` (default 4). */
  concurrency?: number
  /** Retries after the first attempt (default 5). */
  maxRetries?: number
  /** First backoff delay (default 500 ms), doubled per retry, with jitter. */
  retryBaseDelayMs?: number
  /** Cap of one backoff delay; a Retry-After above it fails instead of waiting (default 60 000 ms). */
  maxRetryDelayMs?: number
  /** HTTPS only: send the key as query parameters instead of Basic auth. */
  queryStringAuth?: boolean
  /**
   * Refuse to connect to local and private network addresses, checked on every
   * connection (default false; the admin route turns it on).
   */
  blockPrivateAddresses?: boolean
  /** For tests: the resolver behind `blockPrivateAddresses`. */
  lookupAll?: LookupAll
  logger?: WooReaderLogger
  /** For tests. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export type WooDateInput = string | Date

export interface ListOrdersOptions {
  page?: number
  /** 1–100 (WooCommerce's maximum), default 100. */
  perPage?: number
  /** Statuses without `wc-`, e.g. ["processing", "completed"]; default: WooCommerce's `any` (everything but trash). */
  status?: string[] | string
  /** Created after / before. A Date is sent as UTC with `dates_are_gmt=true`. */
  after?: WooDateInput
  before?: WooDateInput
  modifiedAfter?: WooDateInput
  modifiedBefore?: WooDateInput
  /** Whether string dates are GMT (default: site-local, as WooCommerce). */
  datesAreGmt?: boolean
  /** Default "id": stable while new orders arrive. */
  orderby?: "id" | "date" | "modified"
  /** Default "asc". */
  order?: "asc" | "desc"
  include?: number[]
}

export interface WooOrdersPage {
  page: number
  perPage: number
  orders: WooOrder[]
  /** X-WP-Total. */
  total: number
  /** X-WP-TotalPages. */
  totalPages: number
  /** true when the X-WP-* headers were missing and total/totalPages are estimates. */
  estimated?: boolean
  /** Orders on the page that could not be parsed at all (kept out of `orders`). */
  /** Orders that are not valid WooCommerce orders, with their GMT modification date when it could be read. */
  rejected: Array<{ id: unknown; modified_gmt?: string; reason: string }>
}

export interface WooOrderWithDetails {
  order: WooOrder
  /** Full refund objects (GET /orders/{id}/refunds). */
  refunds: WooRefund[]
  /** Order notes, newest first (GET /orders/{id}/notes). */
  notes: WooNote[]
  /** Set when this order's details could not be read because the order no longer exists (404). */
  error?: WooImportError
}

export interface EnrichOptions {
  /** "when-listed" (default) only calls /refunds when the order's `refunds[]` is not empty. */
  refunds?: "always" | "when-listed" | "never"
  /** Default true. */
  notes?: boolean
}

export interface WooReader {
  listOrdersPage(options?: ListOrdersOptions): Promise<WooOrdersPage>
  iterateOrders(options?: Omit<ListOrdersOptions, "page"> & { startPage?: number }): AsyncGenerator<WooOrdersPage>
  getOrder(orderId: number): Promise<WooOrder>
  listRefunds(orderId: number): Promise<WooRefund[]>
  listNotes(orderId: number): Promise<WooNote[]>
  enrichOrders(orders: readonly WooOrder[], options?: EnrichOptions): Promise<WooOrderWithDetails[]>
}
