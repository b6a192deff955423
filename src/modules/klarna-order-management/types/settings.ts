import { z } from "zod"
import { KLARNA_PAYMENT_METHODS, type KlarnaPaymentMethod } from "../../../klarna/types/payment-data"

export { KLARNA_PAYMENT_METHODS }
/**
 * The automations, each switchable per payment method: WooCommerce's three, and after the purchase
 * extending a reservation before it expires, tracking numbers to the capture they ship, Medusa's
 * order number as Klarna's merchant reference, and a changed shipping address to Klarna.
 */
export const KLARNA_TOGGLES = [
  "capture_on_complete",
  "cancel_on_cancel",
  "update_on_edit",
  "extend_before_expiry",
  "tracking_after_capture",
  "merchant_references",
  "address_to_klarna",
] as const
export const COMPLETION_TRIGGERS = ["order.completed", "shipment.created", "delivery.created"] as const
export const GOODWILL_VAT_POLICIES = ["split_by_rate", "single_rate_only"] as const
/** What Klarna's merchant_reference2 carries: Medusa's order id, or nothing. */
export const MERCHANT_REFERENCE2_SOURCES = ["order_id", "none"] as const
/** An imported order's merchant_reference1: WooCommerce's order number (as the shop wrote it), or Medusa's display id. */
export const IMPORTED_REFERENCE1_SOURCES = ["woocommerce", "medusa"] as const

export type KlarnaToggle = (typeof KLARNA_TOGGLES)[number]
export type KlarnaMethod = KlarnaPaymentMethod
export type CompletionTrigger = (typeof COMPLETION_TRIGGERS)[number]

const POST_PURCHASE_FIELDS = {
  /** Extend a reservation this many days before it expires. */
  extend_days_before_expiry: z.number().int().min(1).max(27),
  /** List an uncaptured reservation that expires within this many days and cannot be extended. */
  expiry_warning_days: z.number().int().min(1).max(60),
  merchant_reference2: z.enum(MERCHANT_REFERENCE2_SOURCES),
  imported_reference1: z.enum(IMPORTED_REFERENCE1_SOURCES),
}

const methodSwitches = z
  .object(Object.fromEntries(KLARNA_PAYMENT_METHODS.map((m) => [m, z.boolean()])) as Record<KlarnaMethod, z.ZodBoolean>)
  .strict()

export const KlarnaSettingsSchema = z
  .object({
    toggles: z
      .object(Object.fromEntries(KLARNA_TOGGLES.map((t) => [t, methodSwitches])) as Record<KlarnaToggle, typeof methodSwitches>)
      .strict(),
    completion_trigger: z.enum(COMPLETION_TRIGGERS),
    goodwill_vat_policy: z.enum(GOODWILL_VAT_POLICIES),
    ...POST_PURCHASE_FIELDS,
  })
  .strict()

export type KlarnaSettings = z.infer<typeof KlarnaSettingsSchema>

/** A partial update: any toggle of any method, or a single field. */
export const KlarnaSettingsPatchSchema = z
  .object({
    toggles: z
      .object(
        Object.fromEntries(KLARNA_TOGGLES.map((t) => [t, methodSwitches.partial().optional()])) as Record<
          KlarnaToggle,
          z.ZodOptional<ReturnType<typeof methodSwitches.partial>>
        >
      )
      .strict()
      .optional(),
    completion_trigger: z.enum(COMPLETION_TRIGGERS).optional(),
    goodwill_vat_policy: z.enum(GOODWILL_VAT_POLICIES).optional(),
    extend_days_before_expiry: POST_PURCHASE_FIELDS.extend_days_before_expiry.optional(),
    expiry_warning_days: POST_PURCHASE_FIELDS.expiry_warning_days.optional(),
    merchant_reference2: POST_PURCHASE_FIELDS.merchant_reference2.optional(),
    imported_reference1: POST_PURCHASE_FIELDS.imported_reference1.optional(),
  })
  .strict()

export type KlarnaSettingsPatch = z.infer<typeof KlarnaSettingsPatchSchema>

const allOn = () => Object.fromEntries(KLARNA_PAYMENT_METHODS.map((m) => [m, true])) as Record<KlarnaMethod, boolean>

/** Like WooCommerce's Klarna order management: every toggle on until switched off. */
export const DEFAULT_KLARNA_SETTINGS: KlarnaSettings = {
  toggles: Object.fromEntries(KLARNA_TOGGLES.map((t) => [t, allOn()])) as KlarnaSettings["toggles"],
  completion_trigger: "order.completed",
  goodwill_vat_policy: "split_by_rate",
  extend_days_before_expiry: 3,
  expiry_warning_days: 7,
  merchant_reference2: "order_id",
  imported_reference1: "woocommerce",
}

/** Deep-merges a patch into settings (toggles per method). */
export function mergeKlarnaSettings(base: KlarnaSettings, patch: KlarnaSettingsPatch | undefined): KlarnaSettings {
  if (!patch) {
    return base
  }
  const toggles = { ...base.toggles }
  for (const t of KLARNA_TOGGLES) {
    toggles[t] = { ...base.toggles[t], ...(patch.toggles?.[t] ?? {}) } as Record<KlarnaMethod, boolean>
  }
  return {
    toggles,
    completion_trigger: patch.completion_trigger ?? base.completion_trigger,
    goodwill_vat_policy: patch.goodwill_vat_policy ?? base.goodwill_vat_policy,
    extend_days_before_expiry: patch.extend_days_before_expiry ?? base.extend_days_before_expiry,
    expiry_warning_days: patch.expiry_warning_days ?? base.expiry_warning_days,
    merchant_reference2: patch.merchant_reference2 ?? base.merchant_reference2,
    imported_reference1: patch.imported_reference1 ?? base.imported_reference1,
  }
}

/**
 * Plugin/module options: `{ settings?: KlarnaSettingsPatch, retry?: {...} }`.
 * The settings are the defaults until an admin saves settings in the database.
 */
export const KlarnaOrderManagementOptionsSchema = z
  .object({
    settings: KlarnaSettingsPatchSchema.optional(),
    retry: z
      .object({
        maxAttempts: z.number().int().min(1).max(50).default(8),
        baseDelayMs: z.number().int().min(0).default(30_000),
        maxDelayMs: z.number().int().min(0).default(3_600_000),
      })
      .strict()
      .optional(),
    recovery: z
      .object({
        /** How long an action's claim keeps other processes off before the retry job takes it over (its process died). */
        leaseMs: z.number().int().min(1_000).default(60_000),
        /**
         * A Medusa capture row older than this with no Klarna answer recorded was
         * left by a process that died mid-capture (longer than any live capture's
         * wait for its lock plus Klarna's timeouts and retries).
         */
        unfinishedAfterMs: z.number().int().min(1_000).default(180_000),
      })
      .strict()
      .optional(),
  })
  .passthrough()

export type KlarnaOrderManagementOptions = z.infer<typeof KlarnaOrderManagementOptionsSchema>
