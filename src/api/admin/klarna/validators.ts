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
