const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Each Jest worker talks to its own simulator (started by global-setup.ts), before any suite reads the URL.
const own = process.env[`KLARNA_SIMULATOR_URL_${process.env.JEST_WORKER_ID || "1"}`]
if (own && own !== process.env.KLARNA_SIMULATOR_URL) {
  process.env.KLARNA_SIMULATOR_URL = own
  process.env.KLARNA_BASE_URL = own
  process.env.KUSTOM_BASE_URL = `${own}/kustom`
}

// With Redis (REDIS_URL), each Jest worker's app gets a Redis database of its own (flushed by
// global-setup.ts): two apps on one database would take each other's events and workflow steps.
if (process.env.REDIS_URL && process.env.JEST_WORKER_ID) {
  const url = new URL(process.env.REDIS_URL_BASE || process.env.REDIS_URL)
  process.env.REDIS_URL_BASE = url.toString()
  url.pathname = `/${10 + Number(process.env.JEST_WORKER_ID)}`
  process.env.REDIS_URL = url.toString()
}
