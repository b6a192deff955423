#!/usr/bin/env node
// The whole test suite: unit (client, mapping, provider, simulator), module
// integration and HTTP integration tests. Uses the PostgreSQL given by DB_HOST
// (DB_PORT, DB_USERNAME, DB_PASSWORD) when set; otherwise starts an embedded one.
const { spawn } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const root = path.resolve(__dirname, "..")
const suites = (process.env.TEST_SUITES || "unit,integration:modules,integration:start,integration:http").split(",")
const extraArgs = process.argv.slice(2)

function jest(suite) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [require.resolve("jest/bin/jest"), "--runInBand", "--forceExit", "--silent=false", "--passWithNoTests", ...extraArgs],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, TEST_TYPE: suite, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim() },
      }
    )
    child.on("exit", (code, signal) => resolve(code ?? signal))
  })
}

async function main() {
  let pg
  if (!process.env.DB_HOST) {
    console.log("DB_HOST is not set: starting an embedded PostgreSQL for the tests…")
    pg = await startEmbeddedPostgres({
      dir: path.join(root, ".data", `test-postgres-${process.pid}`),
      persistent: false,
      onNote: (note) => console.log(`(${note})`),
    })
    console.log(`Embedded PostgreSQL on 127.0.0.1:${pg.port} (server log: ${pg.logFile})`)
    Object.assign(process.env, {
      DB_HOST: "localhost", // test-utils turns SSL on for any host but "localhost"
      DB_PORT: String(pg.port),
      DB_USERNAME: pg.user,
      DB_PASSWORD: pg.password,
    })
  }
  const stop = async () => pg && (await pg.stop().catch(() => {}))
  process.on("SIGINT", () => stop().then(() => process.exit(130)))
  process.on("SIGTERM", () => stop().then(() => process.exit(143)))
  let failed = false
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite} tests ===`)
      const status = await jest(suite)
      if (status !== 0) {
        failed = true
        console.error(`\n${suite} tests failed (exit ${status})`)
      }
    }
  } finally {
    await stop()
  }
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})
