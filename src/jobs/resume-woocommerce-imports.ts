import type { MedusaContainer } from "@medusajs/framework/types"
import { resumeInterruptedImports } from "../workflows/woocommerce-import/resume-interrupted-imports"

/** Continues WooCommerce imports whose process died (a restart, a crash), from their last committed page. */
export default async function resumeWooCommerceImports(container: MedusaContainer) {
  await resumeInterruptedImports(container)
}

export const config = {
  name: "resume-woocommerce-imports",
  schedule: "* * * * *",
}
