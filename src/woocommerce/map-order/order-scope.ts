/**
 * What every section of the mapping shares: the parsed inputs, the order's
 * label for messages, the currency-bound money reader and the warnings list.
 * A section rejects the order by throwing a `MappingFailure` (see `fail`).
 */
import { currencyExponent, formatMinorUnits } from "../../klarna/utils/currency"
import { WooMoneyError, wooMoneyToMinor } from "../woo-money"
import { describeZodError, WooNoteSchema, WooOrderSchema, WooRefundSchema, type WooNote, type WooOrder, type WooOrderInput, type WooRefund } from "../woo-schemas"
import type { MapWooOrderContext } from "./woo-draft-types"

export class MappingFailure extends Error {}

export function fail(reason: string): never {
  throw new MappingFailure(reason)
}

/** Trimmed string or number as a string; null for anything else or an empty string. */
export function clean(v: unknown): string | null {
  if (typeof v !== "string" && typeof v !== "number") return null
  const s = String(v).trim()
  return s === "" ? null : s
}

function parseOrFail<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: any } }, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (!r.success) fail(`${what} is not a valid WooCommerce object (${describeZodError(r.error)})`)
  return r.data
}

export interface ParsedInputs {
  order: WooOrder
  /** "order #{number} (id {id})", the prefix of every reason. */
  label: string
  notes: WooNote[]
  /** undefined when no full refunds were given (the order's summaries are used). */
  fullRefunds: WooRefund[] | undefined
}

export function parseInputs(input: WooOrder | WooOrderInput, ctx: MapWooOrderContext): ParsedInputs {
  const order = parseOrFail<WooOrder>(WooOrderSchema, input, "the order")
  const label = `order #${order.number ?? order.id} (id ${order.id})`
  const notes = (ctx.notes ?? []).map((n, i) => parseOrFail<WooNote>(WooNoteSchema, n, `${label}: note ${i + 1}`))
  const fullRefunds =
    ctx.refunds === undefined ? undefined : ctx.refunds.map((r, i) => parseOrFail<WooRefund>(WooRefundSchema, r, `${label}: refund ${i + 1}`))
  return { order, label, notes, fullRefunds }
}

export interface OrderScope {
  label: string
  /** Upper case ISO 4217, known to the currency table. */
  currency: string
  /** Non-fatal findings, in the order they were made; they become the draft's `warnings`. */
  warnings: string[]
  /** Rejects the order: "{label}: {reason}". */
  fail(reason: string): never
  /** A WooCommerce money field in minor units; a bad amount rejects the order. */
  money(value: string | null | undefined, field: string, required?: boolean): number
  /** Minor units as a display amount in the order's currency. */
  fmt(minor: number): string
}

export function createOrderScope(order: WooOrder, label: string): OrderScope {
  const rejectOrder = (reason: string): never => fail(`${label}: ${reason}`)
  const currency = clean(order.currency)?.toUpperCase()
  if (!currency) return rejectOrder("the order has no currency")
  try {
    currencyExponent(currency)
  } catch {
    rejectOrder(`unknown currency "${order.currency}"`)
  }
  return {
    label,
    currency,
    warnings: [],
    fail: rejectOrder,
    money(value, field, required = false) {
      try {
        return wooMoneyToMinor(value, currency, field, required)
      } catch (e) {
        if (e instanceof WooMoneyError) rejectOrder(e.message)
        throw e
      }
    },
    fmt: (minor) => formatMinorUnits(minor, currency),
  }
}
