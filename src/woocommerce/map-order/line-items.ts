/**
 * Line items. `unit_price` is tax-inclusive and before discount; when
 * (subtotal + subtotal_tax) / quantity is not exact it is rounded up and the
 * remainder is carried in `discount` (`unit_price_rounded: true`).
 */
import { isSensitiveMetaKey } from "../sensitive-meta"
import type { WooLineItem, WooMetaData } from "../woo-schemas"
import { clean, type OrderScope } from "./order-scope"
import type { LineTaxReader } from "./taxes"
import type { ImportedLineItem } from "./woo-draft-types"

/** Variation attributes from display meta; hidden (`_…`) and sensitive meta left out, HTML stripped. */
export function lineItemOptions(metaData: readonly WooMetaData[]): Record<string, string> {
  const options: Record<string, string> = {}
  for (const md of metaData) {
    if (!md || typeof md.key !== "string" || md.key.startsWith("_") || isSensitiveMetaKey(md.key)) continue
    const k = clean(typeof md.display_key === "string" ? md.display_key : md.key)
    const raw = md.display_value !== undefined ? md.display_value : md.value
    const v = typeof raw === "string" ? clean(raw.replace(/<[^>]*>/g, "")) : clean(raw)
    if (k && v && !isSensitiveMetaKey(k)) options[k] = v
  }
  return options
}

function mapLineItem(scope: OrderScope, li: WooLineItem, taxOf: LineTaxReader): ImportedLineItem {
  const m = scope.money
  const where = `line item ${li.id}`
  const quantity = li.quantity
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity <= 0) {
    scope.fail(`${where} has quantity ${JSON.stringify(quantity)}`)
  }
  const subtotal = m(li.subtotal, `${where} subtotal`)
  const subtotalTax = m(li.subtotal_tax, `${where} subtotal_tax`)
  const total = m(li.total, `${where} total`, true)
  const totalTax = m(li.total_tax, `${where} total_tax`)
  const gross = subtotal + subtotalTax
  const exact = gross % quantity === 0
  const unitPrice = exact ? gross / quantity : Math.ceil(gross / quantity)
  const discount = unitPrice * quantity - (total + totalTax)
  if (!exact) scope.warnings.push(`${where}: unit price ${scope.fmt(gross)} / ${quantity} is not exact; rounded up, remainder carried in the discount`)
  if (discount < 0) scope.warnings.push(`${where}: total after discount is higher than before discount`)
  const tax = taxOf(li.taxes, total, totalTax, where)
  const title = clean(li.name) ?? `Item ${li.id}`
  const item: ImportedLineItem = {
    woo_line_id: li.id,
    title,
    product_title: clean(li.parent_name) ?? title,
    quantity,
    unit_price: unitPrice,
    subtotal,
    subtotal_tax: subtotalTax,
    total,
    total_tax: totalTax,
    tax_rate: tax.rate,
    tax_lines: tax.lines,
    discount,
  }
  if (!exact) item.unit_price_rounded = true
  const sku = clean(li.sku)
  if (sku) item.sku = sku
  if (li.product_id) item.product_id = li.product_id
  if (li.variation_id) item.variation_id = li.variation_id
  const options = lineItemOptions(li.meta_data)
  if (Object.keys(options).length) item.options = options
  return item
}

export function mapLineItems(scope: OrderScope, lineItems: readonly WooLineItem[], taxOf: LineTaxReader): ImportedLineItem[] {
  return lineItems.map((li) => mapLineItem(scope, li, taxOf))
}
