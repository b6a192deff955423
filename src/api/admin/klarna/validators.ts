import { z } from "@medusajs/framework/zod"
import { KlarnaSettingsPatchSchema } from "../../../modules/klarna-order-management/types/settings"

export const AdminUpdateKlarnaSettings = KlarnaSettingsPatchSchema
export type AdminUpdateKlarnaSettingsType = z.infer<typeof AdminUpdateKlarnaSettings>

export const AdminKlarnaCapture = z
  .object({ amount: z.number().positive("amount must be greater than zero").optional() })
  .strict()
export type AdminKlarnaCaptureType = z.infer<typeof AdminKlarnaCapture>

export const AdminKlarnaEmptyBody = z.object({}).strict()

export const AdminKlarnaAttentionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const AdminKlarnaRefundPreview = z
  .object({ amount: z.number().positive("amount must be greater than zero") })
  .strict()
export type AdminKlarnaRefundPreviewType = z.infer<typeof AdminKlarnaRefundPreview>

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be a date (ISO 8601)")

export const AdminStartWooImport = z
  .object({
    shop_url: z.string().url("shop_url must be the shop's URL, e.g. https://shop.example.se"),
    consumer_key: z.string().min(1, "consumer_key is required"),
    consumer_secret: z.string().min(1, "consumer_secret is required"),
    statuses: z.array(z.string().min(1)).optional(),
    after: isoDate.optional(),
    before: isoDate.optional(),
    modified_after: z.union([isoDate, z.literal("auto")]).optional(),
    klarna_only: z.boolean().optional(),
    dry_run: z.boolean().optional(),
    limit: z.number().int().positive().optional(),
    include_unpaid: z.boolean().optional(),
    reconcile: z.boolean().optional(),
    per_page: z.number().int().min(1).max(100).optional(),
    sales_channel_id: z.string().min(1).optional(),
  })
  .strict()
export type AdminStartWooImportType = z.infer<typeof AdminStartWooImport>
