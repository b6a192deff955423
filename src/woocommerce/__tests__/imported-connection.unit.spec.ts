import { SAMPLE_ORDER_A, SAMPLE_ORDER_F_LEGACY_INVOICE } from "../../../fake-woocommerce/src"
import { importedConnectionProblem, importedKlarnaProviderId, importedPaymentInput, mapWooOrder, type ImportedOrderDraft } from ".."

const draftOf = (order: any): ImportedOrderDraft => {
  const mapped = mapWooOrder(order, { shopUrl: "https://shop.example.se" })
  if (!mapped.ok) throw new Error(mapped.reason)
  return mapped.draft
}
const asKlarnaPayments = (order: any) => ({ ...order, payment_method: "klarna_payments", payment_method_title: "Klarna - Pay later" })

describe("the connection an imported Klarna order is managed through", () => {
  it("attaches a Klarna Checkout (kco) order to Kustom's provider and a Klarna Payments order to Klarna's", () => {
    const kco = draftOf(SAMPLE_ORDER_A)
    expect(kco.klarna.woo_payment_method).toBe("kco")
    expect(importedKlarnaProviderId(kco)).toBe("pp_kustom_kustom")
    expect(importedPaymentInput(kco)).toEqual(expect.objectContaining({ provider_id: "pp_kustom_kustom", managed_in_klarna: true }))
    const kp = draftOf(asKlarnaPayments(SAMPLE_ORDER_A))
    expect(importedPaymentInput(kp).provider_id).toBe("pp_klarna_klarna")
  })

  it("refuses a Klarna Checkout order when the app has no Kustom provider, saying which credentials to set", () => {
    const kco = draftOf(SAMPLE_ORDER_A)
    expect(importedConnectionProblem(kco, ["pp_klarna_klarna"])).toMatch(/Klarna Checkout.*Kustom.*KUSTOM_USERNAME and KUSTOM_PASSWORD/)
    expect(importedConnectionProblem(kco, ["pp_klarna_klarna", "pp_kustom_kustom"])).toBeNull()
    expect(importedConnectionProblem(draftOf(asKlarnaPayments(SAMPLE_ORDER_A)), ["pp_klarna_klarna"])).toBeNull()
  })

  it("lets an order Medusa never manages in Klarna through without any provider (legacy gateways are history only)", () => {
    const legacy = draftOf(SAMPLE_ORDER_F_LEGACY_INVOICE)
    expect(importedConnectionProblem(legacy, [])).toBeNull()
    expect(importedPaymentInput(legacy).provider_id).toBe("pp_system_default")
  })
})
