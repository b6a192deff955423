import { z } from "zod"

const url = z.string().url()

export const KlarnaProviderOptionsSchema = z
  .object({
    /** Klarna API region: eu (api.klarna.com), na (api-na) or oc (api-oc). */
    region: z.enum(["eu", "na", "oc"]).default("eu"),
    environment: z.enum(["playground", "live"]).default("playground"),
    /** Explicit API base URL, e.g. the local Klarna simulator. Overrides region/environment. */
    baseUrl: url.optional(),
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    apiKey: z.string().min(1).optional(),
    defaultPurchaseCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code")
      .default("SE"),
    defaultLocale: z
      .string()
      .regex(/^[a-z]{2}-[A-Z]{2}$/, "must be an RFC 1766 locale like sv-SE")
      .default("sv-SE"),
    /**
     * Public URL of this Medusa backend. Klarna's server-side callbacks
     * (authorization callback, fraud notifications) are sent there.
     */
    backendUrl: url.optional(),
    merchantUrls: z
      .object({
        terms: url.optional(),
        checkout: url.optional(),
        confirmation: url.optional(),
      })
      .optional(),
    timeoutMs: z.number().int().positive().max(120_000).default(10_000),
    maxRetries: z.number().int().min(0).max(10).default(3),
    retryBaseDelayMs: z.number().int().min(0).default(250),
  })
  .strict()
  .superRefine((o, ctx) => {
    const hasPair = !!o.username && !!o.password
    if (!o.apiKey && !hasPair) {
      ctx.addIssue({
        code: "custom",
        path: ["apiKey"],
        message: "Klarna credentials are required: set apiKey, or username and password",
      })
    }
    if (o.apiKey && (o.username || o.password)) {
      ctx.addIssue({
        code: "custom",
        path: ["apiKey"],
        message: "set either apiKey or username and password, not both",
      })
    }
    if (!o.apiKey && !!o.username !== !!o.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "username and password must be set together" })
    }
  })

/**
 * Which company a provider talks to: Klarna (Klarna Payments and its orders) or
 * Kustom (Klarna Checkout, now run by Kustom, and its orders). Both take the
 * same options; each has its own credentials and host.
 */
export type ProviderBrand = "klarna" | "kustom"

export type KlarnaProviderOptionsInput = z.input<typeof KlarnaProviderOptionsSchema>
export type KlarnaProviderOptions = z.output<typeof KlarnaProviderOptionsSchema>

/**
 * Parses provider options. The error lists the offending option names only:
 * values (which may be secrets) are never echoed.
 */
export function parseKlarnaProviderOptions(options: unknown, provider: ProviderBrand = "klarna"): KlarnaProviderOptions {
  const parsed = KlarnaProviderOptionsSchema.safeParse(options ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => {
        const path = i.path.join(".") || "options"
        const msg = i.code === "unrecognized_keys" ? `unknown option(s) ${i.keys.join(", ")}` : i.message
        return `${path}: ${msg}`
      })
      .join("; ")
    const name = provider === "kustom" ? "Kustom payment provider options (pp_kustom)" : "Klarna payment provider options (pp_klarna)"
    throw new Error(`Invalid ${name}: ${problems}`)
  }
  return parsed.data
}
