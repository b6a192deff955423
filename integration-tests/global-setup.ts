import { startKlarnaSimulator } from "../klarna-simulator/src"

/**
 * Starts one Klarna simulator for the whole run; the Medusa app under test
 * reaches it over real HTTP through the provider options in medusa-config.ts.
 */
export default async function globalSetup() {
  const simulator = await startKlarnaSimulator({
    port: 0,
    credentials: [{ username: "sim_user", password: "sim_password" }],
    // Tests push by hand (/_sim/kustom/orders/:id/push); no scheduled push reaches a later suite's app.
    kustom: { credentials: [{ username: "PM_sim_kustom", password: "kco_sim_password" }], pushInitialDelayMs: 3_600_000 },
  })
  ;(globalThis as any).__KLARNA_SIMULATOR__ = simulator
  process.env.KLARNA_SIMULATOR_URL = simulator.url
  process.env.KLARNA_BASE_URL = simulator.url
  process.env.KLARNA_USERNAME = "sim_user"
  process.env.KLARNA_PASSWORD = "sim_password"
  // Klarna Checkout orders live at Kustom: the simulator's Kustom realm, with Kustom's own credentials.
  process.env.KUSTOM_BASE_URL = `${simulator.url}/kustom`
  process.env.KUSTOM_USERNAME = "PM_sim_kustom"
  process.env.KUSTOM_PASSWORD = "kco_sim_password"
  process.env.KLARNA_RETRY_BASE_DELAY_MS = "20"
  process.env.KLARNA_TIMEOUT_MS = "3000"
  process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
  // The fake WooCommerce shops of the import tests listen on 127.0.0.1, which the admin route
  // refuses by default; woocommerce-import-url.spec.ts unsets this to prove the refusal.
  process.env.WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS = "true"
  delete process.env.KLARNA_API_KEY
  delete process.env.KUSTOM_API_KEY
}
