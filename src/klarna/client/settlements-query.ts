/** Query strings for Settlements API reads, in a fixed parameter order (stable URLs in logs and tests). */

export function settlementsQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const name of Object.keys(params).sort()) {
    const value = params[name]
    if (value !== undefined) {
      search.set(name, String(value))
    }
  }
  const text = search.toString()
  return text ? `?${text}` : ""
}
