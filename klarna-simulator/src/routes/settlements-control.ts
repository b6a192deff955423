import { Router } from "express"
import { z } from "zod"
import { DAY } from "../config"
import type { SimContext } from "../context"
import { parseBody } from "../domain/parse-body"
import { controlBody, sim } from "../http/sim-handler"
import { settlePayouts } from "../settlements/settle"

const payoutRunSchema = z.object({
  until: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date-time")
    .optional(),
})

/** Control API for payouts, mounted at /_sim/settlements (no auth). */
export function settlementsControlRouter(ctx: SimContext): Router {
  const r = Router()

  /**
   * Pays out what is due at `until` (default: now + payoutDelayDays, i.e. everything captured or
   * refunded up to now). Captures and refunds already paid out are never paid again.
   */
  r.post(
    "/payouts",
    sim((req) => {
      const { until } = parseBody(payoutRunSchema, controlBody(req))
      const untilMs = until !== undefined ? Date.parse(until) : ctx.now() + ctx.settlements.config.payoutDelayDays * DAY
      const payouts = settlePayouts(ctx, untilMs)
      return { payouts, count: payouts.length }
    })
  )

  r.get(
    "/payouts",
    sim(() => ({ payouts: ctx.settlements.store.payouts, transactions: ctx.settlements.store.transactions }))
  )
  return r
}
