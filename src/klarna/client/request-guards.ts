/** Argument checks run before anything is sent to Klarna. */
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "zod"
import { HEADER_SAFE } from "./config-checks"
import { KlarnaApiError } from "./errors"
import { formatZodIssues } from "./format-issues"
import { describeOperation } from "./operations"

const ORDERS = "/ordermanagement/v1/orders"

function argumentError(operation: string, message: string): KlarnaApiError {
  return new KlarnaApiError({
    type: MedusaError.Types.INVALID_ARGUMENT,
    message: `Cannot ${describeOperation(operation)} with Klarna: ${message}`,
    operation,
    retryable: false,
  })
}

export function segment(operation: string, name: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw argumentError(operation, `${name} is required`)
  }
  return encodeURIComponent(value)
}

export function orderPath(operation: string, orderId: string): string {
  return `${ORDERS}/${segment(operation, "orderId", orderId)}`
}

export function requireKey(operation: string, key: string): string {
  if (typeof key !== "string" || key.trim() === "") {
    throw argumentError(
      operation,
      "an idempotency key is required for this write (derive a stable one with klarnaIdempotencyKey)"
    )
  }
  if (key.length > 255 || !HEADER_SAFE.test(key)) {
    throw argumentError(operation, "the idempotency key must be 1-255 printable ASCII characters without spaces")
  }
  return key
}

export function checkBody(operation: string, schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new KlarnaApiError({
      type: MedusaError.Types.INVALID_DATA,
      message: `Refusing to send an invalid request to Klarna to ${describeOperation(operation)}: ${formatZodIssues(
        parsed.error.issues
      )}`,
      operation,
      retryable: false,
    })
  }
}
