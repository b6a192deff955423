"use strict"
// The WooCommerce import command line, shared by `npx medusa-klarna import-woocommerce` (an app that
// installed the package) and `npm run import:woocommerce` (a clone of this repository). It parses
// the options and runs the import script inside a Medusa app with `medusa exec`; the import itself
// is scripts/woocommerce-import-exec.ts (compiled to .medusa/server/scripts in the package).
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { parseCommandLine } = require("./command-line")

const OPTIONS = `  --status processing,completed   only these WooCommerce statuses
  --after <date> --before <date>  created between (ISO 8601)
  --modified-after <date|auto>    only orders modified since (default: since the last import of this shop)
  --all                           all orders, not only Klarna-paid ones
  --include-unpaid                also pending / failed / draft orders, as flagged history
  --dry-run                       read and check everything, write nothing
  --limit <n>                     stop after n orders
  --reconcile / --no-reconcile    compare with Klarna (default: on against Klarna's real API)
  --resume <run id>               continue a run that stopped
  --exclude <id,id,…>             never import these WooCommerce order ids (kept for later runs; stops retrying them)
Key and secret can also come from WOOCOMMERCE_CONSUMER_KEY / WOOCOMMERCE_CONSUMER_SECRET.`

const FLAGS = ["all", "dry-run", "include-unpaid", "reconcile", "no-reconcile", "help"]

function helpText(command) {
  return `Usage: ${command} --url <shop url> --key <consumer key> --secret <consumer secret> [options]\n${OPTIONS}`
}

function parse(argv) {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith("--")) throw new Error(`Unexpected argument ${a}`)
    const key = a.slice(2)
    if (FLAGS.includes(key)) {
      out[key] = true
    } else {
      const value = argv[++i]
      if (value === undefined) throw new Error(`--${key} needs a value`)
      out[key] = value
    }
  }
  return out
}

function orderIds(list) {
  const ids = String(list).split(",").map((id) => id.trim())
  const bad = ids.find((id) => !/^[1-9][0-9]*$/.test(id))
  if (bad !== undefined) throw new Error(`--exclude takes WooCommerce order ids separated by commas (got "${bad}")`)
  return ids.map(Number)
}

function importRequest(args) {
  return {
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
    exclude: args.exclude ? orderIds(args.exclude) : undefined,
  }
}

/** The Medusa CLI (`medusa`) installed in the app at `appDir`, as a path to run with node. */
function medusaCli(appDir) {
  let pkgFile
  try {
    pkgFile = require.resolve("@medusajs/cli/package.json", { paths: [appDir] })
  } catch {
    throw new Error(`@medusajs/cli is not installed in ${appDir}: run this in your Medusa app's folder.`)
  }
  const bin = JSON.parse(fs.readFileSync(pkgFile, "utf8")).bin
  return path.join(path.dirname(pkgFile), typeof bin === "string" ? bin : bin.medusa)
}

/**
 * Runs the import; returns the exit code.
 * @param {string[]} argv the options
 * @param {object} how
 * @param {string} how.command how the user called it, for the usage line
 * @param {string} how.appDir the Medusa app (its medusa-config and database) the import writes to
 * @param {string} how.execFile the import script for `medusa exec`, absolute or relative to appDir
 * @param {(env: NodeJS.ProcessEnv) => string | undefined} [how.prepareEnv] completes the child's
 *   environment; returns a message when the import cannot run
 */
function runWooCommerceImport(argv, how) {
  const help = helpText(how.command)
  const { args, exit } = parseCommandLine(parse, argv, help)
  if (!args) return exit
  const key = args.key || process.env.WOOCOMMERCE_CONSUMER_KEY
  const secret = args.secret || process.env.WOOCOMMERCE_CONSUMER_SECRET
  if (!args.url || !key || !secret) {
    console.error(`The shop URL, consumer key and consumer secret are required.\n\n${help}`)
    return 2
  }
  let request
  try {
    request = importRequest(args)
  } catch (e) {
    console.error(`${e.message}\n\n${help}`)
    return 2
  }
  const env = { ...process.env }
  const problem = how.prepareEnv ? how.prepareEnv(env) : undefined
  if (problem) {
    console.error(problem)
    return 2
  }
  let medusa
  try {
    medusa = medusaCli(how.appDir)
  } catch (e) {
    console.error(e.message)
    return 2
  }
  env.WOO_IMPORT_REQUEST = JSON.stringify(request)
  // Credentials travel by environment to the child only, never on a command line.
  env.WOO_IMPORT_KEY = key
  env.WOO_IMPORT_SECRET = secret
  const r = spawnSync(process.execPath, [medusa, "exec", how.execFile], { cwd: how.appDir, env, stdio: "inherit" })
  if (r.error) {
    console.error(`Could not run medusa exec: ${r.error.message}`)
    return 1
  }
  return r.status ?? 1
}

module.exports = { runWooCommerceImport, helpText }
