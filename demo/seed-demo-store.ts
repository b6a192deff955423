import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRatesWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_PRODUCTS, DEMO_STORE_NAMES } from "./demo-store-names"
import { registeredKlarnaProviderIds } from "../src/providers/klarna/provider-client"

export interface DemoStore {
  region_id: string
  sales_channel_id: string
  publishable_key: string
  shipping_option_id: string
  products: Array<{ id: string; title: string; variant_id: string; sku: string; price: number; vat: number }>
}

export { DEMO_PRODUCTS }

/**
 * A Swedish demo store that takes Klarna payments: SEK region with the Klarna
 * provider, 25 % VAT with a 12 % rate for food, prices including VAT as in
 * Sweden, one shipping option, a sales channel and a publishable key.
 * Used by the main command's one-time seed and by the integration tests.
 */
export async function seedDemoStore(container: MedusaContainer, opts: { providerIds?: string[] } = {}): Promise<DemoStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeModule = container.resolve(Modules.STORE)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: DEMO_STORE_NAMES.salesChannel, description: "Headless storefront" }] },
  })

  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [{ currency_code: "sek", is_default: true, is_tax_inclusive: true } as any],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: DEMO_STORE_NAMES.region,
          currency_code: "sek",
          countries: ["se"],
          // Klarna Payments, and Kustom Checkout when the app registers it.
          payment_providers: opts.providerIds ?? [...registeredKlarnaProviderIds(container), "pp_system_default"],
          is_tax_inclusive: true,
        } as any,
      ],
    },
  })

  const {
    result: [taxRegion],
  } = await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "se", provider_id: "tp_system", default_tax_rate: { rate: 25, code: "SE25", name: "Moms 25 %" } }],
  })

  const {
    result: [stockLocation],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Lager Stockholm", address: { city: "Stockholm", country_code: "SE", address_1: "Sveavägen 1" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const existingProfiles = await fulfillment.listShippingProfiles({ type: "default" })
  const shippingProfile =
    existingProfiles[0] ??
    (
      await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
      })
    ).result[0]

  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Sverige leverans",
    type: "shipping",
    service_zones: [{ name: "Sverige", geo_zones: [{ country_code: "se", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: DEMO_STORE_NAMES.shippingOption,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "2-4 vardagar", code: "standard" },
        prices: [
          { currency_code: "sek", amount: 49 },
          { region_id: region.id, amount: 49 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocation.id, add: [salesChannel.id] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: DEMO_STORE_NAMES.publishableKey, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: DEMO_PRODUCTS.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfile.id,
        options: [{ title: "Storlek", values: ["One size"] }],
        variants: [
          {
            title: "One size",
            sku: p.sku,
            options: { Storlek: "One size" },
            manage_inventory: false,
            prices: [{ amount: p.price, currency_code: "sek" }],
          },
        ],
        sales_channels: [{ id: salesChannel.id }],
      })),
    },
  })

  const reduced = DEMO_PRODUCTS.map((p, i) => ({ p, product: products[i] })).filter(({ p }) => p.vat === 12)
  if (reduced.length) {
    await createTaxRatesWorkflow(container).run({
      input: [
        {
          tax_region_id: taxRegion.id,
          rate: 12,
          code: "SE12",
          name: "Moms 12 % (livsmedel)",
          rules: reduced.map(({ product }) => ({ reference: "product", reference_id: product.id })),
        },
      ],
    })
  }

  return {
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    publishable_key: apiKey.token,
    shipping_option_id: shippingOption.id,
    products: products.map((product, i) => ({
      id: product.id,
      title: product.title,
      variant_id: product.variants[0].id,
      sku: DEMO_PRODUCTS[i].sku,
      price: DEMO_PRODUCTS[i].price,
      vat: DEMO_PRODUCTS[i].vat,
    })),
  }
}
