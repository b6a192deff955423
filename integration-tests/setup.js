const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Each Jest worker talks to its own simulator (started by global-setup.ts), before any suite reads the URL.
const own = process.env[`KLARNA_SIMULATOR_URL_${process.env.JEST_WORKER_ID || "1"}`]
if (own && own !== process.env.KLARNA_SIMULATOR_URL) {
  process.env.KLARNA_SIMULATOR_URL = own
  process.env.KLARNA_BASE_URL = own
  process.env.KUSTOM_BASE_URL = `${own}/kustom`
}
