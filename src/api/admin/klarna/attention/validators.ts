import { z } from "@medusajs/framework/zod"

export const AdminRetryKlarnaAttention = z.object({}).strict()

export const AdminDismissKlarnaAttention = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, "note is required: say how it was dealt with")
      .max(2000, "note must be at most 2000 characters"),
  })
  .strict()
export type AdminDismissKlarnaAttentionType = z.infer<typeof AdminDismissKlarnaAttention>
