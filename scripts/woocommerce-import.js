#!/usr/bin/env node
// `npm run import:woocommerce -- --url https://shop.example.se --key ck_… --secret cs_… [options]`
// Imports the shop's WooCommerce orders into the Medusa database of this project
// (the running `npm start` one, unless DATABASE_URL is set). See README.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const root = path.resolve(__dirname, "..")
const HELP = `Usage: npm run import:woocommerce -- --url <shop url> --key <consumer key> --secret <consumer secret> [options]
  --status processing,completed   only these WooCommerce statuses
  --after <date> --before <date>  created between (ISO 8601)
  --modified-after <date|auto>    only orders modified since (default: since the last import of this shop)
  --all                           all orders, not only Klarna-paid ones
  --include-unpaid                also pending / failed / draft orders, as flagged history
  --dry-run                       read and check everything, write nothing
  --limit <n>                     stop after n orders
  --reconcile / --no-reconcile    compare with Klarna (default: on against Klarna's real API)
  --resume <run id>               continue a run that stopped
Key and secret can also come from WOOCOMMERCE_CONSUMER_KEY / WOOCOMMERCE_CONSUMER_SECRET.`

function parse(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith("--")) throw new Error(`Unexpected argument ${a}`)
    const key = a.slice(2)
    if (["all", "dry-run", "include-unpaid", "reconcile", "no-reconcile", "help"].includes(key)) {
      out[key] = true
    } else {
      const value = argv[++i]
      if (value === undefined) throw new Error(`--${key} needs a value`)
      out[key] = value
    }
  }
  return out
}

let args
try {
  args = parse(process.argv.slice(2))
} catch (e) {
  console.error(`${e.message}\n\n${HELP}`)
  process.exit(2)
}
if (args.help) {
  console.log(HELP)
  process.exit(0)
}
const key = args.key || process.env.WOOCOMMERCE_CONSUMER_KEY
const secret = args.secret || process.env.WOOCOMMERCE_CONSUMER_SECRET
if (!args.url || !key || !secret) {
  console.error(`The shop URL, consumer key and consumer secret are required.\n\n${HELP}`)
  process.exit(2)
}
const env = { ...process.env }
const runtimeFile = path.resolve(root, process.env.MEDUSA_KLARNA_DATA_DIR || ".data", "runtime.json")
if (!env.DATABASE_URL && fs.existsSync(runtimeFile)) {
  const runtime = JSON.parse(fs.readFileSync(runtimeFile, "utf8"))
  Object.assign(env, runtime.env ?? {})
}
if (!env.DATABASE_URL) {
  console.error("No database: start the backend with `npm start` first, or set DATABASE_URL.")
  process.exit(2)
}
env.WOO_IMPORT_REQUEST = JSON.stringify({
  shop_url: args.url,
  statuses: args.status ? String(args.status).split(",") : undefined,
  after: args.after,
  before: args.before,
  modified_after: args["modified-after"],
  klarna_only: !args.all,
  include_unpaid: !!args["include-unpaid"],
  dry_run: !!args["dry-run"],
  limit: args.limit ? Number(args.limit) : undefined,
  reconcile: args["no-reconcile"] ? false : args.reconcile ? true : undefined,
  resume: args.resume,
})
// Credentials travel by environment to the child only, never on a command line.
env.WOO_IMPORT_KEY = key
env.WOO_IMPORT_SECRET = secret
const r = spawnSync(path.join(root, "node_modules", ".bin", "medusa"), ["exec", "./scripts/woocommerce-import-exec.ts"], { cwd: root, env, stdio: "inherit" })
process.exit(r.status ?? 1)
