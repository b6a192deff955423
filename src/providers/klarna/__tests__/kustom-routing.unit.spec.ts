import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import kustomProviderModule, { KustomProviderService } from "../../kustom"
import { KlarnaProviderService } from ".."
import { klarnaProviderOptionsFromEnv, kustomConfiguredInEnv, kustomProviderOptionsFromEnv } from "../../../config/klarna-env"
import { brandOfProviderId, isKlarnaPaymentsProviderId, isManagedProviderId } from "../../../klarna/provider-ids"
import { klarnaClientFor, klarnaProviderConfigs, klarnaProviderOptionsFor, registeredKlarnaProviderIds } from "../provider-client"

const configWith = (providers: unknown[]) => ({
  projectConfig: {},
  modules: { payment: { resolve: "@medusajs/medusa/payment", options: { providers } } },
})

const container = (configModule: unknown) =>
  ({
    resolve: (key: string) => {
      if (key === ContainerRegistrationKeys.CONFIG_MODULE) return configModule
      if (key === ContainerRegistrationKeys.LOGGER) return { info() {}, warn() {}, error() {} }
      throw new Error(`not registered: ${key}`)
    },
  }) as any

const klarnaEntry = (options: Record<string, unknown> = { username: "PK1_user", password: "klarna-secret" }) => ({
  resolve: "./src/providers/klarna",
  id: "klarna",
  options,
})
const kustomEntry = (options: Record<string, unknown> = { username: "PM0001", password: "kco_secret" }) => ({
  resolve: "medusa-klarna/providers/kustom",
  id: "kustom",
  options,
})

describe("which host and credentials an order's calls use", () => {
  it("sends a Klarna Payments payment to Klarna and a Klarna Checkout payment to Kustom, each with its own credentials", () => {
    const c = container(configWith([klarnaEntry(), kustomEntry()]))
    expect(klarnaClientFor(c, "pp_klarna_klarna").baseUrl).toBe("https://api.playground.klarna.com")
    expect(klarnaClientFor(c, "pp_kustom_kustom").baseUrl).toBe("https://api.playground.kustom.co")
    expect(klarnaProviderOptionsFor(configWith([klarnaEntry(), kustomEntry()]), "pp_kustom_kustom").options.username).toBe("PM0001")
    expect(klarnaProviderOptionsFor(configWith([klarnaEntry(), kustomEntry()]), "pp_klarna_klarna").options.username).toBe("PK1_user")
    // No provider id: Klarna's, as before.
    expect(klarnaClientFor(c).baseUrl).toBe("https://api.playground.klarna.com")
  })

  it("uses Kustom's regional and live hosts, and an explicit base URL over them", () => {
    const c = container(
      configWith([klarnaEntry(), kustomEntry({ apiKey: "kco_live_key", region: "na", environment: "live" })])
    )
    expect(klarnaClientFor(c, "pp_kustom_kustom").baseUrl).toBe("https://api-na.kustom.co")
    const sim = container(configWith([klarnaEntry(), kustomEntry({ username: "PM0001", password: "kco_x", baseUrl: "http://127.0.0.1:4010/kustom/" })]))
    expect(klarnaClientFor(sim, "pp_kustom_kustom").baseUrl).toBe("http://127.0.0.1:4010/kustom")
  })

  it("refuses a Kustom payment when no Kustom provider is registered, saying what to configure", () => {
    const c = container(configWith([klarnaEntry()]))
    expect(() => klarnaClientFor(c, "pp_kustom_kustom")).toThrow(/Kustom payment provider pp_kustom_kustom is not registered.*Klarna Checkout/)
    expect(registeredKlarnaProviderIds(c)).toEqual(["pp_klarna_klarna"])
  })

  it("never treats Kustom's provider as Klarna's or the other way round", () => {
    const config = configWith([kustomEntry(), klarnaEntry()])
    expect(klarnaProviderConfigs(config).map((p) => [p.providerId, p.brand])).toEqual([
      ["pp_kustom_kustom", "kustom"],
      ["pp_klarna_klarna", "klarna"],
    ])
    expect(klarnaProviderOptionsFor(config).providerId).toBe("pp_klarna_klarna")
    // A module object is recognised by its service's identifier.
    expect(klarnaProviderConfigs(configWith([{ resolve: kustomProviderModule, id: "kustom", options: { apiKey: "kco_k" } }]))[0].brand).toBe("kustom")
  })

  it("validates Kustom's options at boot like Klarna's, naming the Kustom provider and never echoing a secret", () => {
    expect(() => KustomProviderService.validateOptions({ username: "PM0001" })).toThrow(/Kustom payment provider options \(pp_kustom\).*password/)
    expect(() => KustomProviderService.validateOptions({ username: "PM0001", password: "kco_secret", region: "us" })).toThrow(/region/)
    try {
      KustomProviderService.validateOptions({ username: "PM0001", password: "kco_secret", apiKey: "kco_key_secret" })
      throw new Error("expected a refusal")
    } catch (e) {
      expect((e as Error).message).not.toMatch(/kco_secret|kco_key_secret/)
    }
    expect(() => KlarnaProviderService.validateOptions({ username: "PK1" })).toThrow(/Klarna payment provider options \(pp_klarna\)/)
  })

  it("builds the Kustom provider's own client on Kustom's host", () => {
    const provider = new KustomProviderService({}, { username: "PM0001", password: "kco_secret" })
    expect((provider as any).client_.baseUrl).toBe("https://api.playground.kustom.co")
    expect(KustomProviderService.identifier).toBe("kustom")
  })

  it("tells the providers' payments apart by id", () => {
    expect(brandOfProviderId("pp_kustom_kustom")).toBe("kustom")
    expect(brandOfProviderId("pp_klarna_klarna")).toBe("klarna")
    expect(brandOfProviderId("pp_klarnaish_x")).toBeNull()
    expect(brandOfProviderId("pp_system_default")).toBeNull()
    expect(isManagedProviderId("pp_kustom_kustom")).toBe(true)
    expect(isKlarnaPaymentsProviderId("pp_kustom_kustom")).toBe(false)
  })
})

describe("Kustom's configuration from the environment", () => {
  it("reads KUSTOM_* for the connection and falls back to Klarna's for timeouts and locale", () => {
    const env = {
      KLARNA_USERNAME: "PK1",
      KLARNA_PASSWORD: "k",
      KLARNA_TIMEOUT_MS: "3000",
      KLARNA_DEFAULT_LOCALE: "en-SE",
      KUSTOM_USERNAME: "PM0001",
      KUSTOM_PASSWORD: "kco_x",
      KUSTOM_REGION: "oc",
      KUSTOM_ENVIRONMENT: "live",
      KUSTOM_BASE_URL: "http://127.0.0.1:4010/kustom",
    } as NodeJS.ProcessEnv
    expect(kustomProviderOptionsFromEnv(env)).toEqual(
      expect.objectContaining({ username: "PM0001", password: "kco_x", region: "oc", environment: "live", baseUrl: "http://127.0.0.1:4010/kustom", timeoutMs: 3000, defaultLocale: "en-SE" })
    )
    expect(klarnaProviderOptionsFromEnv(env)).toEqual(expect.objectContaining({ username: "PK1", password: "k" }))
    expect(klarnaProviderOptionsFromEnv(env).baseUrl).toBeUndefined()
    expect(kustomConfiguredInEnv(env)).toBe(true)
    expect(kustomConfiguredInEnv({ KLARNA_USERNAME: "PK1" } as NodeJS.ProcessEnv)).toBe(false)
  })
})
