import type { KlarnaOrderLine } from "../../../src/klarna/validation/order-line-rules"
import { KlarnaError } from "../errors"
import type { Purchase } from "../state/models"

const LINE_FIELDS = [
  "type",
  "reference",
  "name",
  "quantity",
  "unit_price",
  "tax_rate",
  "total_amount",
  "total_discount_amount",
  "total_tax_amount",
] as const satisfies ReadonlyArray<keyof KlarnaOrderLine>

/**
 * Klarna refuses to create an order whose cart differs from what the customer authorized:
 * 409 BAD_VALUE "Not matching fields: [...]".
 */
export function assertMatchesAuthorization(authorized: Purchase, requested: Purchase): void {
  const fields: string[] = []
  const details: string[] = []
  if (authorized.purchase_country !== requested.purchase_country) fields.push("purchase_country")
  if (authorized.purchase_currency !== requested.purchase_currency) fields.push("purchase_currency")
  if (authorized.order_amount !== requested.order_amount) fields.push("order_amount")
  if (
    authorized.order_tax_amount !== undefined &&
    requested.order_tax_amount !== undefined &&
    authorized.order_tax_amount !== requested.order_tax_amount
  ) {
    fields.push("order_tax_amount")
  }
  const expected = authorized.order_lines
  const actual = requested.order_lines
  if (expected.length !== actual.length) {
    fields.push("order_lines")
    details.push(`Incorrect number of items in the cart. Expected: ${expected.length}, Actual: ${actual.length}`)
  } else {
    expected.forEach((line, i) => {
      for (const f of LINE_FIELDS) {
        if ((line[f] ?? null) !== (actual[i][f] ?? null)) fields.push(`order_lines[${i}].${f}`)
      }
    })
  }
  if (fields.length) {
    throw new KlarnaError(409, "BAD_VALUE", [`Not matching fields: [${fields.join(", ")}]`, ...details])
  }
}
