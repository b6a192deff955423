#!/usr/bin/env node
// The whole test suite: unit (client, mapping, provider, simulator), module
// integration and HTTP integration tests. Uses the PostgreSQL given by DB_HOST
// (DB_PORT, DB_USERNAME, DB_PASSWORD) when set; otherwise starts an embedded one.
const { spawnSync } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const root = path.resolve(__dirname, "..")
const suites = (process.env.TEST_SUITES || "unit,integration:modules,integration:http").split(",")
const extraArgs = process.argv.slice(2)

async function main() {
  let pg
  if (!process.env.DB_HOST) {
    const dir = path.join(root, ".data", `test-postgres-${process.pid}`)
    console.log("DB_HOST is not set: starting an embedded PostgreSQL for the tests…")
    pg = await startEmbeddedPostgres({ dir, persistent: false })
    Object.assign(process.env, {
      DB_HOST: "localhost", // test-utils turns SSL on for any host but "localhost"
      DB_PORT: String(pg.port),
      DB_USERNAME: pg.user,
      DB_PASSWORD: pg.password,
    })
  }
  let failed = false
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite} tests ===`)
      const r = spawnSync(
        process.execPath,
        [require.resolve("jest/bin/jest"), "--runInBand", "--forceExit", "--silent=false", "--passWithNoTests", ...extraArgs],
        {
          cwd: root,
          stdio: "inherit",
          env: { ...process.env, TEST_TYPE: suite, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim() },
        }
      )
      if (r.status !== 0) {
        failed = true
        console.error(`\n${suite} tests failed (exit ${r.status ?? r.signal})`)
      }
    }
  } finally {
    if (pg) {
      await pg.stop()
    }
  }
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
