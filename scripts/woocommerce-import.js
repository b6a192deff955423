#!/usr/bin/env node
// `npm run import:woocommerce -- --url https://shop.example.se --key ck_… --secret cs_… [options]`
// Imports the shop's WooCommerce orders into the Medusa database of this project
// (the running `npm start` one, unless DATABASE_URL is set). See README. An app that installed the
// package runs the same import with `npx medusa-klarna import-woocommerce`.
const fs = require("node:fs")
const path = require("node:path")
const { runWooCommerceImport } = require("../bin/lib/woocommerce-import")

const root = path.resolve(__dirname, "..")

process.exit(
  runWooCommerceImport(process.argv.slice(2), {
    command: "npm run import:woocommerce --",
    appDir: root,
    execFile: "./scripts/woocommerce-import-exec.ts",
    prepareEnv(env) {
      const runtimeFile = path.resolve(root, process.env.MEDUSA_KLARNA_DATA_DIR || ".data", "runtime.json")
      if (!env.DATABASE_URL && fs.existsSync(runtimeFile)) {
        const runtime = JSON.parse(fs.readFileSync(runtimeFile, "utf8"))
        Object.assign(env, runtime.env ?? {})
      }
      if (!env.DATABASE_URL) return "No database: start the backend with `npm start` first, or set DATABASE_URL."
    },
  })
)
