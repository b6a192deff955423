import fs from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemoStore } from "./seed-demo-store"

const OUT = path.resolve(process.cwd(), process.env.MEDUSA_KLARNA_DATA_DIR || ".data", "demo-store.json")

/** `medusa exec ./demo/seed.ts`: seeds the demo store once, and records its ids. */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: "Webshop" })
  if (existing && fs.existsSync(OUT)) {
    logger.info("Demo store already seeded")
    return
  }
  if (existing) {
    logger.warn("A Webshop sales channel exists but .data/demo-store.json is missing; not seeding again")
    return
  }
  const store = await seedDemoStore(container)
  fs.mkdirSync(path.dirname(OUT), { recursive: true })
  fs.writeFileSync(OUT, JSON.stringify(store, null, 2))
  logger.info(`Demo store seeded: region ${store.region_id}, publishable key ${store.publishable_key}`)
}
