import { generateWooOrders } from "./generate-orders"
import { startFakeWooCommerce } from "./server"

async function main(): Promise<void> {
  const env = process.env
  const port = env.FAKE_WOOCOMMERCE_PORT ? Number(env.FAKE_WOOCOMMERCE_PORT) : 4020
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FAKE_WOOCOMMERCE_PORT must be a port number, got ${env.FAKE_WOOCOMMERCE_PORT}`)
  }
  const count = env.FAKE_WOOCOMMERCE_ORDERS ? Number(env.FAKE_WOOCOMMERCE_ORDERS) : 250
  const seed = env.FAKE_WOOCOMMERCE_SEED ? Number(env.FAKE_WOOCOMMERCE_SEED) : 42
  const shop = await startFakeWooCommerce({
    port,
    host: env.FAKE_WOOCOMMERCE_HOST || "127.0.0.1",
    consumerKey: env.FAKE_WOOCOMMERCE_CONSUMER_KEY || undefined,
    consumerSecret: env.FAKE_WOOCOMMERCE_CONSUMER_SECRET || undefined,
    orders: generateWooOrders(count, seed),
  })
  // A local test double: printing its own demo credentials is the point.
  console.log(`Fake WooCommerce listening on ${shop.url} (REST API: ${shop.url}/wp-json/wc/v3, ${count} orders, seed ${seed})`)
  console.log(`consumer key:    ${shop.consumerKey}`)
  console.log(`consumer secret: ${shop.consumerSecret}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    shop.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`Fake WooCommerce: error while closing on ${signal}`, err)
        process.exit(1)
      }
    )
  }
  process.once("SIGINT", () => shutdown("SIGINT"))
  process.once("SIGTERM", () => shutdown("SIGTERM"))
}

main().catch((err) => {
  console.error("Fake WooCommerce failed to start:", err instanceof Error ? err.message : err)
  process.exit(1)
})
