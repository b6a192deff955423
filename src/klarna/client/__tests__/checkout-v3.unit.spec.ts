import { startKlarnaSimulator, type RunningSimulator } from "../../../../klarna-simulator/src"
import { KlarnaApiError } from "../errors"
import { createKlarnaClient } from "../klarna-client"

const line = { type: "physical" as const, reference: "TSHIRT", name: "T-shirt", quantity: 1, unit_price: 29900, tax_rate: 2500, total_amount: 29900, total_tax_amount: 5980 }
const body = {
  purchase_country: "SE",
  purchase_currency: "SEK",
  locale: "sv-SE",
  order_amount: 29900,
  order_tax_amount: 5980,
  order_lines: [line],
  merchant_urls: { terms: "https://s.example/t", checkout: "https://s.example/c", confirmation: "https://s.example/ok", push: "https://s.example/push" },
  merchant_reference2: "cart_1",
}

let sim: RunningSimulator
beforeAll(async () => {
  sim = await startKlarnaSimulator({ port: 0, kustom: { pushInitialDelayMs: 3_600_000 } })
})
afterAll(async () => {
  await sim.close()
})

const kustom = () => createKlarnaClient({ baseUrl: sim.kustomUrl, username: "PM_sim_kustom", password: "kco_sim_password", maxRetries: 0 })

describe("Checkout v3 at Kustom", () => {
  it("creates, reads and updates a checkout order while the shopper has not paid, then refuses to change it", async () => {
    const created = await kustom().createCheckoutOrder(body)
    expect(created).toEqual(expect.objectContaining({ status: "checkout_incomplete", order_amount: 29900, merchant_reference2: "cart_1", html_snippet: expect.any(String) }))
    const updated = await kustom().updateCheckoutOrder(created.order_id, { order_amount: 59800, order_tax_amount: 11960, order_lines: [{ ...line, quantity: 2, total_amount: 59800, total_tax_amount: 11960 }] })
    expect(updated.order_amount).toBe(59800)
    expect((await kustom().getCheckoutOrder(created.order_id)).order_lines[0].quantity).toBe(2)

    await fetch(`${sim.url}/_sim/kustom/checkouts/${created.order_id}/complete`, { method: "POST" })
    expect((await kustom().getCheckoutOrder(created.order_id)).status).toBe("checkout_complete")
    const refused = await kustom().updateCheckoutOrder(created.order_id, { order_amount: 1 }).catch((e) => e)
    expect(refused).toBeInstanceOf(KlarnaApiError)
    expect(refused).toEqual(expect.objectContaining({ status: 403, errorCode: "READ_ONLY_ORDER" }))
  })

  it("refuses a checkout order without its merchant URLs or with an untaxed line before sending it", async () => {
    await expect(kustom().createCheckoutOrder({ ...body, merchant_urls: { ...body.merchant_urls, push: undefined } } as any)).rejects.toThrow(/push/)
    const { total_tax_amount: _dropped, ...untaxed } = line
    await expect(kustom().createCheckoutOrder({ ...body, order_lines: [untaxed] } as any)).rejects.toThrow(/total_tax_amount/)
  })

  it("aborts a checkout order", async () => {
    const created = await kustom().createCheckoutOrder(body)
    await kustom().abortCheckoutOrder(created.order_id)
    expect((await kustom().getCheckoutOrder(created.order_id)).status).toBe("checkout_aborted")
  })
})
