import { toUtcIso } from "../map-order/dates"
import { draftIdentity, normalizeShopUrl } from "../map-order/identity"
import { lineItemOptions } from "../map-order/line-items"
import { createOrderScope, MappingFailure } from "../map-order/order-scope"
import { createLineTaxReader } from "../map-order/taxes"
import { WooOrderSchema, type WooOrder } from "../woo-schemas"

const order = (extra: Record<string, unknown> = {}): WooOrder => WooOrderSchema.parse({ id: 7, number: "1007", currency: "SEK", ...extra })
const reasonOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    if (e instanceof MappingFailure) return e.message
    throw e
  }
  throw new Error("expected a MappingFailure")
}

describe("map-order parts", () => {
  it("toUtcIso: GMT without zone is UTC; a local date is taken as UTC with a warning; nothing usable is null", () => {
    const w: string[] = []
    expect(toUtcIso("2025-03-14T09:42:17", "2025-03-14T10:42:17", "d", w)).toBe("2025-03-14T09:42:17.000Z")
    expect(toUtcIso("2025-03-14 09:42:17", null, "d", w)).toBe("2025-03-14T09:42:17.000Z")
    expect(toUtcIso(null, "2025-03-14T10:42:17+01:00", "d", w)).toBe("2025-03-14T09:42:17.000Z")
    expect(w).toEqual([])
    expect(toUtcIso("garbage", "2025-03-14 10:42:17", "date_paid", w)).toBe("2025-03-14T10:42:17.000Z")
    expect(w).toEqual(["date_paid: no GMT date; the site-local time was taken as UTC"])
    expect(toUtcIso("", "  ", "d", w)).toBeNull()
  })

  it("normalizeShopUrl / draftIdentity: trailing slashes dropped, host lower-cased in the external id", () => {
    expect(normalizeShopUrl(" https://Shop.Example.se/store/ ")).toEqual({ url: "https://Shop.Example.se/store", key: "shop.example.se/store" })
    expect(normalizeShopUrl("not a url/")).toEqual({ url: "not a url", key: "not a url" })
    const id = draftIdentity(order({ order_key: " wc_order_abc " }), "1007", "https://Shop.Example.se/")
    expect(id).toEqual({
      external_id: "woo:shop.example.se:7",
      woo_id: 7,
      number: "1007",
      order_key: "wc_order_abc",
      shop_url: "https://Shop.Example.se",
      metadata: { woocommerce_id: 7, woocommerce_number: "1007", woocommerce_order_key: "wc_order_abc", woocommerce_shop_url: "https://Shop.Example.se" },
    })
  })

  it("lineItemOptions: display key/value, HTML stripped, hidden and sensitive meta left out", () => {
    expect(
      lineItemOptions([
        { id: 1, key: "pa_color", value: "black", display_key: "Färg", display_value: "<p>Svart</p>" },
        { id: 2, key: "Size", value: "L" },
        { id: 3, key: "_reduced_stock", value: "1" },
        { id: 4, key: "api_token", value: "x" },
        { id: 5, key: "empty", value: "  " },
      ] as any)
    ).toEqual({ Färg: "Svart", Size: "L" })
  })

  it("createOrderScope: no or unknown currency rejects; a bad amount is rejected with the order's label", () => {
    expect(reasonOf(() => createOrderScope(order({ currency: "" }), "order #1"))).toBe("order #1: the order has no currency")
    expect(reasonOf(() => createOrderScope(order({ currency: "xyz" }), "order #1"))).toBe('order #1: unknown currency "xyz"')
    const scope = createOrderScope(order({ currency: "sek" }), "order #1")
    expect(scope.currency).toBe("SEK")
    expect(scope.money("12.345", "total")).toBe(1235)
    expect(scope.money(undefined, "total")).toBe(0)
    expect(reasonOf(() => scope.money(undefined, "total", true))).toMatch(/^order #1: total is not a valid amount/)
    expect(reasonOf(() => scope.fail("nope"))).toBe("order #1: nope")
  })

  it("createLineTaxReader: rates from tax_lines summed; compound rates and unknown rates are warned about", () => {
    const o = order({
      tax_lines: [
        { id: 1, rate_id: 10, rate_code: "SE-MOMS", label: "Moms", rate_percent: 25, compound: false, tax_total: "0", shipping_tax_total: "0" },
        { id: 2, rate_id: 11, rate_code: "X", label: "Extra", rate_percent: 2.5, compound: true, tax_total: "0", shipping_tax_total: "0" },
      ],
    })
    const scope = createOrderScope(o, "order #1")
    const taxOf = createLineTaxReader(scope, o.tax_lines)
    const simple = taxOf([{ id: 10, total: "25", subtotal: "25" }] as any, 10000, 2500, "line item 1")
    expect(simple).toEqual({ rate: 25, lines: [{ rate_id: 10, code: "SE-MOMS", name: "Moms", rate: 25, compound: false, total: 2500 }] })
    expect(taxOf([{ id: 10, total: "0", subtotal: "0" }] as any, 10000, 0, "x").lines).toEqual([])
    expect(taxOf([{ id: 10, total: "25", subtotal: "25" }, { id: 11, total: "2.5", subtotal: "2.5" }] as any, 10000, 2750, "line item 2").rate).toBe(27.5)
    expect(taxOf([{ id: 99, total: "12", subtotal: "12" }] as any, 10000, 1200, "fee line 3").rate).toBe(12)
    expect(scope.warnings).toEqual([
      "line item 2: compound tax rates; tax_rate is the plain sum of the rates",
      "fee line 3: tax rate not found in tax_lines; derived 12 % from the amounts",
    ])
  })
})
