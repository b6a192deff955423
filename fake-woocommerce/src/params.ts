/**
 * Query parameter parsing and validation, with WordPress's wording for
 * `rest_invalid_param` errors. Unknown parameters (e.g. `payment_method`) are
 * ignored, exactly like WordPress does.
 */
export const ORDER_STATUSES = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "checkout-draft"]
export const STATUS_ENUM = ["any", "trash", "auto-draft", ...ORDER_STATUSES]

export type Query = Record<string, unknown>
export type Invalid = Record<string, string>

/** `a,b` / `x[]=a&x[]=b` / `x[0]=a` → ["a", "b"]. */
export function toList(v: unknown): string[] {
  if (v === undefined || v === null || v === "") return []
  if (Array.isArray(v)) return v.flatMap(toList)
  if (typeof v === "object") return Object.values(v as Record<string, unknown>).flatMap(toList)
  return String(v)
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  if (Array.isArray(v)) return scalar(v[v.length - 1])
  if (typeof v === "object") return undefined
  return String(v)
}

export function intParam(q: Query, name: string, def: number, min: number, max: number | undefined, invalid: Invalid): number {
  const raw = scalar(q[name])
  if (raw === undefined || raw === "") return def
  if (!/^-?\d+$/.test(raw.trim())) {
    invalid[name] = `${name} is not of type integer.`
    return def
  }
  const n = Number(raw)
  if (max !== undefined && (n < min || n > max)) invalid[name] = `${name} must be between ${min} (inclusive) and ${max} (inclusive)`
  else if (n < min) invalid[name] = `${name} must be greater than or equal to ${min}`
  return n
}

export function enumParam<T extends string>(q: Query, name: string, allowed: readonly T[], def: T, invalid: Invalid): T {
  const raw = scalar(q[name])
  if (raw === undefined || raw === "") return def
  if (!(allowed as readonly string[]).includes(raw)) {
    invalid[name] = `${name} is not one of ${allowed.slice(0, -1).join(", ")}, and ${allowed[allowed.length - 1]}.`
    return def
  }
  return raw as T
}

export function boolParam(q: Query, name: string, def: boolean, invalid: Invalid): boolean {
  const raw = scalar(q[name])
  if (raw === undefined || raw === "") return def
  if (["true", "1"].includes(raw.toLowerCase())) return true
  if (["false", "0"].includes(raw.toLowerCase())) return false
  invalid[name] = `${name} is not of type boolean.`
  return def
}

const DATE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|z|[+-]\d{2}:?\d{2})?$/

/**
 * ISO 8601 date parameter → `{ value: "YYYY-MM-DDTHH:MM:SS", utc: boolean }`;
 * a value with a zone is converted to UTC (and compared with the *_gmt fields).
 */
export function dateParam(q: Query, name: string, invalid: Invalid): { value: string; utc: boolean } | undefined {
  const raw = scalar(q[name])
  if (raw === undefined || raw === "") return undefined
  const m = DATE.exec(raw.trim())
  if (!m) {
    invalid[name] = "Invalid date."
    return undefined
  }
  if (!m[4]) return { value: `${m[1]}T${m[2]}`, utc: false }
  const d = new Date(raw.trim().replace(" ", "T"))
  if (Number.isNaN(d.getTime())) {
    invalid[name] = "Invalid date."
    return undefined
  }
  return { value: d.toISOString().slice(0, 19), utc: true }
}

export function idListParam(q: Query, name: string, invalid: Invalid): number[] | undefined {
  const list = toList(q[name])
  if (!list.length) return undefined
  if (list.some((s) => !/^\d+$/.test(s))) {
    invalid[name] = `${name}[0] is not of type integer.`
    return undefined
  }
  return list.map(Number)
}
