import { z } from "@medusajs/framework/zod"
import { AdminKlarnaIdParam } from "../validate-id-param"

const isoDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, `${field} must be a date (ISO 8601, e.g. 2026-01-31 or 2026-01-31T00:00:00Z)`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be a valid date`)

/** "Sync now": optionally a range of payout dates to read (again). */
export const AdminSyncKlarnaSettlements = z
  .object({ from: isoDate("from").optional(), to: isoDate("to").optional() })
  .strict()
  .refine((b) => !b.from || !b.to || Date.parse(b.from) <= Date.parse(b.to), { message: "from must not be after to", path: ["from"] })
export type AdminSyncKlarnaSettlementsType = z.infer<typeof AdminSyncKlarnaSettlements>

export const AdminKlarnaPayoutsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /** A payment provider id; control characters refused, as in any id the admin routes take. */
  connection: AdminKlarnaIdParam.optional(),
})
export type AdminKlarnaPayoutsQueryType = z.infer<typeof AdminKlarnaPayoutsQuery>
