import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import klarnaProviderModule, { KlarnaProviderService } from ".."
import { parseKlarnaProviderOptions } from "../../../klarna/types/options"
import { klarnaProviderOptionsFromEnv } from "../../../config/klarna-env"
import {
  DEFAULT_KLARNA_PROVIDER_ID,
  klarnaClientFor,
  klarnaProviderContextFor,
  klarnaProviderEntries,
  klarnaProviderOptionsFor,
} from "../provider-client"

const env = {
  KLARNA_USERNAME: "PK_user",
  KLARNA_PASSWORD: "secret",
  KLARNA_BASE_URL: "http://127.0.0.1:4010",
  KLARNA_BACKEND_URL: "http://localhost:9000",
  KLARNA_MAX_RETRIES: "1",
} as NodeJS.ProcessEnv

/** The shape defineConfig gives `configModule.modules`: an object keyed by module name. */
function configWith(providers: unknown[]) {
  return {
    projectConfig: {},
    modules: {
      payment: { resolve: "@medusajs/medusa/payment", options: { webhook_delay: 5000, providers } },
      cart: { resolve: "@medusajs/medusa/cart" },
    },
  }
}

const devConfig = () => configWith([{ resolve: "./src/providers/klarna", id: "klarna", options: klarnaProviderOptionsFromEnv(env) }])

function fakeContainer(configModule: unknown, logger: unknown = { info() {}, warn() {}, error() {} }) {
  const resolve = jest.fn((key: string) => {
    if (key === ContainerRegistrationKeys.CONFIG_MODULE) return configModule
    if (key === ContainerRegistrationKeys.LOGGER) return logger
    throw new Error(`not registered: ${key}`)
  })
  return { resolve } as any
}

describe("Klarna provider options from the Payment module's configuration", () => {
  it("finds the dev app's provider (medusa-config.ts) under Medusa's registration id, with the options the provider gets", () => {
    const config = devConfig()
    const found = klarnaProviderOptionsFor(config)
    expect(found.providerId).toBe("pp_klarna_klarna")
    expect(found.providerId).toBe(DEFAULT_KLARNA_PROVIDER_ID)
    const raw = config.modules.payment.options.providers[0].options
    // The provider's constructor receives the entry's options and parses them the same way.
    const provider = new KlarnaProviderService({}, raw)
    expect(found.options).toEqual((provider as any).options_)
    expect(found.options).toEqual(parseKlarnaProviderOptions(raw))
    // defaults applied, as in the provider
    expect(found.options).toEqual(
      expect.objectContaining({ region: "eu", environment: "playground", defaultPurchaseCountry: "SE", defaultLocale: "sv-SE", timeoutMs: 10_000, maxRetries: 1, retryBaseDelayMs: 250 })
    )
  })

  it("finds the published provider of an app (README: medusa-klarna/providers/klarna)", () => {
    const config = configWith([
      { resolve: "@medusajs/payment-stripe", id: "stripe", options: { apiKey: "sk" } },
      { resolve: "medusa-klarna/providers/klarna", id: "klarna", options: { username: "u", password: "p", region: "na", environment: "live" } },
    ])
    expect(klarnaProviderEntries(config).map((e) => e.providerId)).toEqual(["pp_klarna_klarna"])
    expect(klarnaProviderOptionsFor(config, "pp_klarna_klarna").options).toEqual(expect.objectContaining({ region: "na", environment: "live", username: "u" }))
  })

  it("follows Medusa's rule pp_<identifier>[_<id>]: no id gives pp_klarna, other ids their own; the imported module works too", () => {
    const config = configWith([
      { resolve: "@medusajs/payment-stripe", id: "klarna", options: { apiKey: "sk" } }, // pp_stripe_klarna, not Klarna's
      { resolve: "medusa-klarna/.medusa/server/src/providers/klarna/index.js", options: { apiKey: "k1" } },
      { resolve: klarnaProviderModule, id: "klarna-us", options: { apiKey: "k2", region: "na" } },
    ])
    expect(klarnaProviderEntries(config).map((e) => e.providerId)).toEqual(["pp_klarna", "pp_klarna_klarna-us"])
    expect(klarnaProviderOptionsFor(config, "pp_klarna_klarna-us").options.apiKey).toBe("k2")
    // no pp_klarna_klarna: the default is the first Klarna provider
    expect(klarnaProviderOptionsFor(config).providerId).toBe("pp_klarna")
    expect(() => klarnaProviderOptionsFor(config, "pp_klarna_klarna")).toThrow(/pp_klarna_klarna is not registered/)
  })

  it("reads an un-normalized (array) modules list as well", () => {
    const config = { modules: [{ resolve: "@medusajs/medusa/payment", options: { providers: [{ resolve: "./src/providers/klarna", id: "klarna", options: { apiKey: "k" } }] } }] }
    expect(klarnaProviderOptionsFor(config).providerId).toBe("pp_klarna_klarna")
  })

  it("says clearly when no Klarna provider is configured", () => {
    for (const config of [undefined, {}, { modules: {} }, { modules: { payment: true } }, configWith([]), configWith([{ resolve: "@medusajs/payment-stripe", id: "stripe" }])]) {
      let error: unknown
      try {
        klarnaProviderOptionsFor(config as any)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(MedusaError)
      expect((error as MedusaError).type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect((error as Error).message).toMatch(/The Klarna payment provider pp_klarna_klarna is not registered\. Add it to the Payment module's providers in medusa-config\.ts/)
    }
  })

  it("validates as the provider does (the same message, no secret echoed)", () => {
    const config = configWith([{ resolve: "./src/providers/klarna", id: "klarna", options: { username: "u", password: "very-secret", region: "mars" } }])
    expect(() => klarnaProviderOptionsFor(config)).toThrow(/Invalid Klarna payment provider options \(pp_klarna\): region/)
    expect(() => klarnaProviderOptionsFor(config)).not.toThrow(/very-secret/)
  })
})

describe("klarnaClientFor", () => {
  it("builds the provider's client from the configured options, once per app and provider id", () => {
    const config = devConfig()
    const container = fakeContainer(config)
    const client = klarnaClientFor(container)
    expect(client.baseUrl).toBe(new KlarnaProviderService({}, config.modules.payment.options.providers[0].options)["client_"].baseUrl)
    expect(klarnaClientFor(container, "pp_klarna_klarna")).toBe(client)
    // a request scope of the same app resolves the same config module object
    expect(klarnaClientFor(fakeContainer(config))).toBe(client)
    expect(container.resolve).toHaveBeenCalledWith(ContainerRegistrationKeys.LOGGER, expect.anything())
    // another app (another config module) gets its own
    expect(klarnaClientFor(fakeContainer(devConfig()))).not.toBe(client)
  })

  it("hands out the parsed options with the client, and throws a MedusaError when Klarna is not configured", () => {
    const context = klarnaProviderContextFor(fakeContainer(devConfig()), "pp_klarna_klarna")
    expect(context.options.backendUrl).toBe("http://localhost:9000")
    expect(context.client.baseUrl).toBe("http://127.0.0.1:4010")
    expect(() => klarnaClientFor(fakeContainer(configWith([])), "pp_klarna_klarna")).toThrow(MedusaError)
    expect(() => klarnaClientFor(fakeContainer(undefined))).toThrow(/is not registered/)
  })
})
