import { z } from "zod"

export const DEFAULT_OVERDUE_AFTER_DAYS = 14

export const KlarnaSettlementsOptionsSchema = z
  .object({
    /** A Medusa capture or refund not in any payout this many days after it happened is flagged. */
    overdue_after_days: z.number().int().min(0).default(DEFAULT_OVERDUE_AFTER_DAYS),
    /** Rows per Settlements API page (Klarna allows 1–500; default 500). */
    page_size: z.number().int().min(1).max(500).optional(),
  })

export type KlarnaSettlementsOptions = z.infer<typeof KlarnaSettlementsOptionsSchema>
