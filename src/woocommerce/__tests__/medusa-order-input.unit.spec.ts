import { SAMPLE_ORDER_A, SAMPLE_ORDER_D_CANCELLED, SAMPLE_ORDER_F_LEGACY_INVOICE } from "../../../fake-woocommerce/src"
import { checkImportTotal, mapWooOrder, medusaOrderInput, medusaOrderTotal, type ImportedOrderDraft } from ".."
import { decorateCartTotals } from "@medusajs/framework/utils"

const draftOf = (order: any): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se" })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}
const ctx = { region_id: "reg_1", customer_id: "cus_1", variants: new Map() }

describe("medusaOrderInput", () => {
  it("keeps the nominal rate where it gives WooCommerce's tax", () => {
    const input = medusaOrderInput(draftOf(SAMPLE_ORDER_A), ctx)
    expect(input.items[0].tax_lines).toEqual([expect.objectContaining({ rate: 25 })])
    expect((input.items[0].tax_lines[0] as any).metadata).toBeUndefined()
  })

  it("scales a rate whose tax WooCommerce rounded per line, so Medusa's tax is WooCommerce's", () => {
    const draft = draftOf(SAMPLE_ORDER_F_LEGACY_INVOICE) // 12 % line: 69.80 incl. 7.48 tax (12 % would be 7.4786)
    const input = medusaOrderInput(draft, ctx)
    const line = input.items[0].tax_lines[0] as any
    expect(Number(line.rate)).toBeCloseTo(12.0025, 3)
    expect(line.metadata).toEqual({ woocommerce_rate: 12 })
    expect(line.description).toBe("Moms 12%")
    const totals = decorateCartTotals(structuredClone({ items: input.items, shipping_methods: input.shipping_methods }) as any) as any
    expect(Number(totals.tax_total)).toBeCloseTo(19.28, 12)
    expect(medusaOrderTotal(input, draft.currency_code)).toBe(draft.totals.total)
  })

  it("records a cancelled order as canceled, with its WooCommerce modification date", () => {
    const input = medusaOrderInput(draftOf(SAMPLE_ORDER_D_CANCELLED), ctx) as any
    expect(input.status).toBe("canceled")
    expect(input.canceled_at).toEqual(new Date("2025-07-04T07:30:00Z"))
  })

  it("refuses a total Medusa would compute differently, in minor units", () => {
    const draft = draftOf(SAMPLE_ORDER_A)
    expect(() => checkImportTotal(draft, draft.totals.total)).not.toThrow()
    expect(() => checkImportTotal(draft, draft.totals.total + 1)).toThrow(`the Medusa order would total ${draft.totals.total + 1} but WooCommerce says ${draft.totals.total} (minor units)`)
  })
})
