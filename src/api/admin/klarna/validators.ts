import { z } from "@medusajs/framework/zod"
import { KlarnaSettingsPatchSchema } from "../../../modules/klarna-order-management/types/settings"
import { checkShopUrl, hasControlChars } from "../../../woocommerce/shop-url"

export const AdminUpdateKlarnaSettings = KlarnaSettingsPatchSchema
export type AdminUpdateKlarnaSettingsType = z.infer<typeof AdminUpdateKlarnaSettings>

export const AdminKlarnaCapture = z
  .object({ amount: z.number().positive("amount must be greater than zero").optional() })
  .strict()
export type AdminKlarnaCaptureType = z.infer<typeof AdminKlarnaCapture>

export const AdminKlarnaEmptyBody = z.object({}).strict()

/** Which connection "Test connection" checks: Klarna's (default) or Kustom's. */
export const AdminKlarnaConnectionTest = z.object({ brand: z.enum(["klarna", "kustom"]).default("klarna") }).strict()
export type AdminKlarnaConnectionTestType = z.infer<typeof AdminKlarnaConnectionTest>

export const AdminKlarnaAttentionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/** One import's report, a page of its per-order records at a time (failures are listed first, all up to 500). */
export const AdminWooImportDetailQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminKlarnaRefundPreview = z
  .object({ amount: z.number().positive("amount must be greater than zero") })
  .strict()
export type AdminKlarnaRefundPreviewType = z.infer<typeof AdminKlarnaRefundPreview>

/** A string without control characters: NUL and friends are never valid here (and PostgreSQL refuses NUL). */
const plainText = (field: string) => z.string().refine((v) => !hasControlChars(v), `${field} must not contain control characters`)

const isoDate = (field: string) => plainText(field).refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be a date (ISO 8601)`)

/** Checked and normalized by checkShopUrl; which hosts may be reached is the route's check (it reads the environment). */
const shopUrl = z.string().transform((v, ctx) => {
  const checked = checkShopUrl(v)
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: checked.reason })
    return z.NEVER
  }
  return checked.url
})

export const AdminStartWooImport = z
  .object({
    shop_url: shopUrl,
    consumer_key: plainText("consumer_key").min(1, "consumer_key is required"),
    consumer_secret: plainText("consumer_secret").min(1, "consumer_secret is required"),
    statuses: z.array(plainText("statuses").min(1)).optional(),
    after: isoDate("after").optional(),
    before: isoDate("before").optional(),
    modified_after: z.union([isoDate("modified_after"), z.literal("auto")]).optional(),
    klarna_only: z.boolean().optional(),
    dry_run: z.boolean().optional(),
    limit: z.number().int().positive().optional(),
    include_unpaid: z.boolean().optional(),
    reconcile: z.boolean().optional(),
    per_page: z.number().int().min(1).max(100).optional(),
    sales_channel_id: plainText("sales_channel_id").min(1).optional(),
  })
  .strict()
export type AdminStartWooImportType = z.infer<typeof AdminStartWooImport>

export const AdminExcludeWooOrders = z
  .object({
    shop_url: shopUrl,
    woo_order_ids: z.array(z.number().int().positive()).min(1, "woo_order_ids needs at least one order id").max(1000),
    note: plainText("note").max(500).optional(),
  })
  .strict()
export type AdminExcludeWooOrdersType = z.infer<typeof AdminExcludeWooOrders>

/** One order's automatic Klarna management on or off; switching it off needs the merchant's reason. */
export const AdminKlarnaOrderAutomation = z
  .object({
    enabled: z.boolean(),
    reason: plainText("reason")
      .transform((v) => v.trim())
      .refine((v) => v.length <= 500, "reason must be at most 500 characters")
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.enabled && !body.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reason is required when switching automatic Klarna management off" })
    }
  })
export type AdminKlarnaOrderAutomationType = z.infer<typeof AdminKlarnaOrderAutomation>
