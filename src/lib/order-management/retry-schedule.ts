import type { RetryPolicy } from "../../modules/klarna-order-management/service"

/** Exponential backoff with jitter for the automatic-action retries. */
export function nextAttemptAt(attempt: number, policy: RetryPolicy, now = Date.now(), random = Math.random): Date {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  const jitter = exp * 0.2 * random()
  return new Date(now + Math.round(exp + jitter))
}

/** Errors worth retrying: Klarna unreachable, timing out, 5xx, 409 or 429. */
export function isRetryable(error: unknown): boolean {
  const e = error as { retryable?: unknown; status?: unknown } | undefined
  return e?.retryable === true
}

export function errorDetails(error: unknown): { message: string; correlation_id?: string; error_code?: string } {
  const e = (error ?? {}) as { message?: string; correlationId?: string; errorCode?: string }
  return { message: e.message ?? String(error), correlation_id: e.correlationId, error_code: e.errorCode }
}
