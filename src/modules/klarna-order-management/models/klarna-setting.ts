import { model } from "@medusajs/framework/utils"

/** The live order-management settings (one row, `scope = "default"`). */
export const KlarnaSetting = model.define("klarna_setting", {
  id: model.id({ prefix: "kset" }).primaryKey(),
  scope: model.text().unique(),
  settings: model.json(),
  updated_by: model.text().nullable(),
})
