import type { z } from "zod"
import { badValue } from "../errors"
import {
  validateOrderAmounts,
  validateOrderLine,
  type KlarnaOrderLine,
  type OrderAmounts,
} from "../../../src/klarna/validation/order-line-rules"

/** Klarna's field path notation: `order_lines[2].total_tax_amount`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("")
}

/** Parses a body with a zod schema; the first issue becomes `400 BAD_VALUE "Bad value: <field>"`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw badValue("body", "request body must be a JSON object")
  }
  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw badValue(fieldPath(issue.path) || "body", issue.message)
  }
  return result.data
}

/** Runs the shared Klarna order-line rules; throws BAD_VALUE for the first violation. */
export function assertOrderAmounts(order: { order_amount: number; order_tax_amount?: number; order_lines: unknown[] }): KlarnaOrderLine[] {
  const violations = validateOrderAmounts(order as OrderAmounts)
  if (violations.length) {
    throw badValue(violations[0].field, violations[0].message)
  }
  return order.order_lines as KlarnaOrderLine[]
}

/** Shape check for capture/refund lines (no sum rule: Klarna documents none for OM). */
export function assertOrderLines(lines: unknown[] | undefined): KlarnaOrderLine[] {
  const list = lines ?? []
  for (let i = 0; i < list.length; i++) {
    const violations = validateOrderLine(list[i] as KlarnaOrderLine, i)
    if (violations.length) {
      throw badValue(violations[0].field, violations[0].message)
    }
  }
  return list as KlarnaOrderLine[]
}
