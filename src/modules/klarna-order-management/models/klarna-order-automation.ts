import { model } from "@medusajs/framework/utils"

/**
 * One order's "leave this order alone": while `enabled` is false no automation
 * acts on the order's Klarna payment (manual actions still do). Absent = on.
 */
export const KlarnaOrderAutomation = model.define("klarna_order_automation", {
  id: model.id({ prefix: "koa" }).primaryKey(),
  order_id: model.text().unique(),
  enabled: model.boolean().default(true),
  reason: model.text().nullable(),
  changed_by: model.text().nullable(),
})
