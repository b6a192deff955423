import type { WooMetaData } from "./woo-schemas"

/**
 * Meta value by KEY (never by meta id: ids differ between HPOS and postmeta).
 * A key can appear twice; the LAST non-empty value wins. Only strings and
 * numbers are returned (trimmed); objects/arrays count as "not a scalar".
 */
export function getMetaString(meta: readonly WooMetaData[] | null | undefined, key: string): string | undefined {
  if (!meta) return undefined
  let found: string | undefined
  for (const entry of meta) {
    if (!entry || entry.key !== key) continue
    const v = entry.value
    const s = typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : ""
    if (s !== "") found = s
  }
  return found
}

export function hasMetaKey(meta: readonly WooMetaData[] | null | undefined, key: string): boolean {
  return !!meta && meta.some((m) => m && m.key === key)
}
