#!/usr/bin/env node
"use strict"
// `npx medusa-klarna <command>`: the commands of the installed package, run in your Medusa app's folder.
// Plain JavaScript over the compiled output (.medusa/server, .medusa/simulator, built by `npm run build`).
const fs = require("node:fs")
const path = require("node:path")
const { parseArgs } = require("node:util")
const { parseCommandLine } = require("./lib/command-line")
const { runWooCommerceImport } = require("./lib/woocommerce-import")

const packageRoot = path.resolve(__dirname, "..")
const SIMULATOR_MAIN = path.join(packageRoot, ".medusa", "simulator", "klarna-simulator", "src", "main.js")
const IMPORT_EXEC = path.join(packageRoot, ".medusa", "server", "scripts", "woocommerce-import-exec.js")

const HELP = `Usage: npx medusa-klarna <command> [options]

Commands:
  simulator [--port <n>] [--host <host>]
      Start the local Klarna simulator (Klarna Payments v1 + Order Management v1), by default on
      http://127.0.0.1:4010 with user sim_user / sim_password, and Kustom (Checkout v3 + Order
      Management) at http://127.0.0.1:4010/kustom with user PM_sim_kustom / kco_sim_password.
      Point the providers' baseUrl at them.
  import-woocommerce --url <shop url> --key <consumer key> --secret <consumer secret> [options]
      Import a WooCommerce shop's orders into this Medusa app (run it in the app's folder: it uses
      the app's medusa-config and database). \`npx medusa-klarna import-woocommerce --help\` lists the options.

  --help    this text`

const SIMULATOR_HELP = `Usage: npx medusa-klarna simulator [--port <n>] [--host <host>]
  --port <n>       port to listen on (default 4010, or KLARNA_SIMULATOR_PORT; 0 = any free port)
  --host <host>    address to listen on (default 127.0.0.1, or KLARNA_SIMULATOR_HOST)
Credentials: sim_user / sim_password, or KLARNA_SIMULATOR_USERNAME + KLARNA_SIMULATOR_PASSWORD;
Kustom's (at /kustom): PM_sim_kustom / kco_sim_password, or KUSTOM_SIMULATOR_USERNAME + KUSTOM_SIMULATOR_PASSWORD.`

/** Undefined when the compiled file is there, else what to do. */
function missing(file) {
  if (fs.existsSync(file)) return undefined
  return `medusa-klarna: ${path.relative(packageRoot, file)} is missing; in a clone of the repository, run \`npm run build\` first.`
}

function simulator(argv) {
  const options = { port: { type: "string" }, host: { type: "string" }, help: { type: "boolean" } }
  const { args: values, exit } = parseCommandLine((args) => parseArgs({ args, options, strict: true }).values, argv, SIMULATOR_HELP)
  if (!values) return exit
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    console.error(`--port must be a port number, got ${values.port}`)
    return 2
  }
  const problem = missing(SIMULATOR_MAIN)
  if (problem) {
    console.error(problem)
    return 1
  }
  // The simulator's own entry point reads its settings from the environment.
  if (values.port !== undefined) process.env.KLARNA_SIMULATOR_PORT = values.port
  if (values.host !== undefined) process.env.KLARNA_SIMULATOR_HOST = values.host
  require(SIMULATOR_MAIN)
  return undefined // keeps running until SIGINT / SIGTERM
}

function importWooCommerce(argv) {
  const appDir = process.cwd()
  return runWooCommerceImport(argv, {
    command: "npx medusa-klarna import-woocommerce",
    appDir,
    execFile: IMPORT_EXEC,
    prepareEnv() {
      const configs = ["medusa-config.ts", "medusa-config.js", "medusa-config.mjs", "medusa-config.cjs"]
      if (!configs.some((f) => fs.existsSync(path.join(appDir, f)))) {
        return `No medusa-config in ${appDir}: run \`npx medusa-klarna import-woocommerce\` in your Medusa app's folder.`
      }
      return missing(IMPORT_EXEC)
    },
  })
}

function main(argv) {
  const [command, ...rest] = argv
  if (command === "simulator") return simulator(rest)
  if (command === "import-woocommerce") return importWooCommerce(rest)
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(HELP)
    return 0
  }
  if (command === undefined) {
    console.error(HELP)
    return 2
  }
  console.error(`medusa-klarna: unknown command "${command}" (commands: simulator, import-woocommerce; see --help).`)
  return 2
}

const code = main(process.argv.slice(2))
if (code !== undefined) process.exit(code)
