import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import {
  klarnaProviderOptionsFromEnv,
  klarnaRecoveryOptionsFromEnv,
  kustomConfiguredInEnv,
  kustomProviderOptionsFromEnv,
} from "./src/config/klarna-env"
import { workerModeFromEnv } from "./src/config/worker-mode"
import { klarnaSettlementsOptionsFromEnv } from "./src/config/settlements-env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL
const workerMode = workerModeFromEnv(process.env.MEDUSA_WORKER_MODE)
// Events a worker process handles at once (Medusa's Redis event bus takes one at a time by default).
const eventConcurrency = Number(process.env.MEDUSA_EVENT_CONCURRENCY || 10)

/**
 * The development and test app of this plugin: it loads the plugin's own
 * `src/` (routes, subscribers, workflows, modules) as the project's code and
 * registers the Klarna provider from its source path as `pp_klarna_klarna`
 * (and, with Kustom's variables set, the Kustom provider as `pp_kustom_kustom`).
 * An app that installs the published plugin uses
 * `resolve: "medusa-klarna/providers/klarna"` instead (see README).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    // server: routes only; worker: subscribers and scheduled jobs only; shared: both (one process).
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || workerMode === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  },
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Klarna's notifications are processed after this delay (Medusa's default is 5 s).
        webhook_delay: Number(process.env.PAYMENT_WEBHOOK_DELAY_MS ?? 5000),
        providers: [
          {
            resolve: "./src/providers/klarna",
            id: "klarna",
            options: klarnaProviderOptionsFromEnv(process.env),
          },
          // Klarna Checkout orders, run by Kustom since 2026 (pp_kustom_kustom).
          ...(kustomConfiguredInEnv(process.env)
            ? [{ resolve: "./src/providers/kustom", id: "kustom", options: kustomProviderOptionsFromEnv(process.env) }]
            : []),
        ],
      },
    },
    {
      resolve: "./src/modules/klarna-order-management",
      options: klarnaRecoveryOptionsFromEnv(process.env),
    },
    {
      resolve: "./src/modules/woocommerce-import",
    },
    {
      resolve: "./src/modules/klarna-settlements",
      options: klarnaSettlementsOptionsFromEnv(process.env),
    },
    ...(redisUrl
      ? [
          {
            resolve: "@medusajs/medusa/event-bus-redis",
            key: Modules.EVENT_BUS,
            options: { redisUrl, workerOptions: { concurrency: eventConcurrency } },
          },
          { resolve: "@medusajs/medusa/cache-redis", key: Modules.CACHE, options: { redisUrl } },
          { resolve: "@medusajs/medusa/workflow-engine-redis", key: Modules.WORKFLOW_ENGINE, options: { redis: { redisUrl } } },
          { resolve: "@medusajs/medusa/locking", key: Modules.LOCKING, options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] } },
        ]
      : []),
  ],
})
