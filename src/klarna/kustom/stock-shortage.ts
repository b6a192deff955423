/** A cart line as the stock check reads it. */
export type StockLine = {
  title: string
  variant_id: string | null
  quantity: number
  manage_inventory: boolean
  allow_backorder: boolean
}

/**
 * The first cart line the stock cannot cover (null when all can): lines of the
 * same variant add up; a variant without managed inventory or allowing
 * backorders is never short.
 */
export function stockShortage(lines: StockLine[], available: Record<string, number | null | undefined>): string | null {
  const wanted = new Map<string, { title: string; quantity: number }>()
  for (const line of lines) {
    if (!line.variant_id || !line.manage_inventory || line.allow_backorder) continue
    const sum = wanted.get(line.variant_id)
    wanted.set(line.variant_id, { title: sum?.title ?? line.title, quantity: (sum?.quantity ?? 0) + line.quantity })
  }
  for (const [variantId, { title, quantity }] of wanted) {
    const left = available[variantId] ?? 0
    if (left < quantity) {
      return `${title}: ${left} left, the cart has ${quantity}`
    }
  }
  return null
}
