import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { ImportedOrderDraft } from "../../woocommerce"

/** Region, customer and variants for one WooCommerce order, with the regions cached per run. */
export class ImportContextResolver {
  private regions?: Array<{ id: string; currency_code: string; countries: string[] }>

  constructor(private readonly container: MedusaContainer) {}

  async region(draft: ImportedOrderDraft): Promise<string> {
    if (!this.regions) {
      const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "region", fields: ["id", "currency_code", "countries.iso_2"] })
      this.regions = (data as any[]).map((r) => ({ id: r.id, currency_code: r.currency_code, countries: (r.countries ?? []).map((c: any) => c.iso_2) }))
    }
    const country = (draft.shipping_address ?? draft.billing_address)?.country_code ?? undefined
    const byCurrency = this.regions.filter((r) => r.currency_code === draft.currency_code)
    const match = byCurrency.find((r) => country && r.countries.includes(country)) ?? (byCurrency.length === 1 ? byCurrency[0] : undefined)
    if (!match) {
      throw new Error(`No Medusa region sells in ${draft.currency_code.toUpperCase()}${country ? ` to ${country.toUpperCase()}` : ""}; create one before importing.`)
    }
    return match.id
  }

  async customer(draft: ImportedOrderDraft): Promise<string> {
    const email = (draft.email ?? draft.customer.email)?.toLowerCase()
    if (!email) {
      throw new Error("The order has no customer email.")
    }
    const customers = this.container.resolve(Modules.CUSTOMER)
    const [existing] = await customers.listCustomers({ email })
    if (existing) {
      return existing.id
    }
    const [created] = await customers.createCustomers([{
      email,
      first_name: draft.customer.first_name ?? undefined,
      last_name: draft.customer.last_name ?? undefined,
      phone: draft.customer.phone ?? undefined,
      has_account: false,
      metadata: { imported_from: "woocommerce" },
    }])
    return created.id
  }

  async variants(draft: ImportedOrderDraft): Promise<Map<string, { id: string; product_id: string }>> {
    const skus = draft.items.map((i) => i.sku).filter((s): s is string => !!s)
    if (!skus.length) {
      return new Map()
    }
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"], filters: { sku: skus } })
    return new Map((data as any[]).map((v) => [v.sku, { id: v.id, product_id: v.product_id }]))
  }
}
