import { MedusaError } from "@medusajs/framework/utils"
import type { KlarnaOrderLine } from "../../validation/order-line-rules"
import { adjustLine, priceLine } from "../order-line-rounding"

const line = (quantity: number, total: number, taxRate = 2500): KlarnaOrderLine => ({
  type: "physical",
  name: "x",
  quantity,
  unit_price: 0,
  tax_rate: taxRate,
  total_amount: total,
  total_discount_amount: 0,
  total_tax_amount: 0,
})

describe("order-line rounding of one line", () => {
  it("priceLine rounds the unit price up and books the rest as discount", () => {
    const l = line(3, 10000)
    priceLine(l, 10000)
    expect(l).toMatchObject({ unit_price: 3334, total_discount_amount: 2, total_amount: 10000, total_tax_amount: 2000 })
  })

  it("priceLine keeps the original unit price and discount, and raises it when total > original", () => {
    const discounted = line(2, 15000)
    priceLine(discounted, 20000)
    expect(discounted).toMatchObject({ unit_price: 10000, total_discount_amount: 5000, total_tax_amount: 3000 })
    const raised = line(1, 12000)
    priceLine(raised, 10000)
    expect(raised).toMatchObject({ unit_price: 12000, total_discount_amount: 0 })
  })

  it("priceLine gives a zero-quantity line no price", () => {
    const l = line(0, 0)
    priceLine(l, 0)
    expect(l).toMatchObject({ unit_price: 0, total_discount_amount: 0, total_tax_amount: 0 })
  })

  it("adjustLine moves a remainder in, keeping the unit price while the total fits", () => {
    const l = line(3, 10000)
    priceLine(l, 10000)
    adjustLine(l, -1)
    expect(l).toMatchObject({ unit_price: 3334, total_amount: 9999, total_discount_amount: 3, total_tax_amount: 2000 })
    adjustLine(l, 5)
    expect(l).toMatchObject({ unit_price: 3335, total_amount: 10004, total_discount_amount: 1, total_tax_amount: 2001 })
  })

  it("adjustLine refuses a zero-quantity line", () => {
    expect(() => adjustLine(line(0, 0), 1)).toThrow(MedusaError)
  })
})
