/**
 * Error raised by the WooCommerce reader. The message is meant for the
 * merchant; `code` is WooCommerce's own error code when it sent one
 * (`woocommerce_rest_cannot_view`, `rest_invalid_param`, …), else one of ours
 * (`network_error`, `timeout`, `rate_limited`, `invalid_response`,
 * `invalid_argument`, `client_error`).
 *
 * It never carries the consumer key or secret: no request URL with OAuth
 * parameters, no axios config, no `cause` — only the sanitized API path.
 */
export class WooImportError extends Error {
  readonly status?: number
  readonly code: string
  readonly method?: string
  /** API path with our own query parameters only (no OAuth / key parameters). */
  readonly path?: string
  readonly attempts: number
  readonly retryable: boolean
  /** WooCommerce's `data.params` for `rest_invalid_param`. */
  readonly details?: unknown

  constructor(init: {
    message: string
    code: string
    status?: number
    method?: string
    path?: string
    attempts?: number
    retryable?: boolean
    details?: unknown
  }) {
    super(init.message)
    this.name = "WooImportError"
    this.code = init.code
    if (init.status !== undefined) this.status = init.status
    if (init.method !== undefined) this.method = init.method
    if (init.path !== undefined) this.path = init.path
    this.attempts = init.attempts ?? 1
    this.retryable = init.retryable ?? false
    if (init.details !== undefined) this.details = init.details
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      status: this.status,
      method: this.method,
      path: this.path,
      attempts: this.attempts,
      retryable: this.retryable,
      details: this.details,
    }
  }
}

export function isWooImportError(e: unknown): e is WooImportError {
  return e instanceof WooImportError
}

/**
 * Whether an error body's `code` is WooCommerce's or the WordPress REST API's
 * own (`woocommerce_rest_*`, `rest_*`): only then is its message worth showing.
 * Any other server's text (a proxy, a service that is not WooCommerce) is not.
 */
export function isWooCommerceErrorCode(code: unknown): code is string {
  return typeof code === "string" && /^(woocommerce_rest_|rest_)[a-z0-9_]+$/i.test(code)
}
