import type { RetryPolicy } from "../../modules/klarna-order-management/service"
import { backoffDelayMs } from "../../lib/retry/backoff"

/** Exponential backoff with jitter (up to 20 % above the step) for the automatic-action retries. */
export function nextAttemptAt(attempt: number, policy: RetryPolicy, now = Date.now(), random = Math.random): Date {
  return new Date(now + backoffDelayMs(attempt, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs, jitter: { above: 0.2 }, random }))
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
