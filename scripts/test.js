#!/usr/bin/env node
// The whole test suite: unit (client, mapping, provider, simulator), module
// integration and HTTP integration tests. Uses the PostgreSQL given by DB_HOST
// (DB_PORT, DB_USERNAME, DB_PASSWORD) when set; otherwise starts an embedded one.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const root = path.resolve(__dirname, "..")
const suites = (process.env.TEST_SUITES || "unit,integration:modules,integration:start,integration:http").split(",")
const extraArgs = process.argv.slice(2)
const reportDir = path.join(root, ".data", "test-reports")

/**
 * The HTTP suites run two at a time where the machine has two cores (each Jest worker with its own
 * Medusa app, database and Klarna simulator); everything else, and a one-core machine, one at a time.
 * TEST_WORKERS overrides the HTTP suites' count.
 */
function workersFor(suite) {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length
  const http = Number(process.env.TEST_WORKERS) || Math.min(2, cores)
  return suite === "integration:http" && http > 1 ? [`--maxWorkers=${http}`] : ["--runInBand"]
}

function jest(suite) {
  const report = path.join(reportDir, `${suite.replace(/[^a-z]+/g, "-")}.json`)
  fs.rmSync(report, { force: true })
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        require.resolve("jest/bin/jest"),
        ...workersFor(suite),
        "--forceExit",
        "--silent=false",
        "--passWithNoTests",
        ...extraArgs,
      ],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, TEST_TYPE: suite, JEST_FAILURE_REPORT: report, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim() },
      }
    )
    child.on("exit", (code, signal) => resolve({ status: code ?? signal, failures: failuresIn(report) }))
  })
}

// Jest prints a failure where it happens, in the middle of Medusa's logs; the runner repeats every
// failing test (and a suite that failed to run) at the very end, so a cut log still names them.
function failuresIn(report) {
  try {
    return JSON.parse(fs.readFileSync(report, "utf8")).map((f) => ({ where: path.relative(root, f.path), test: f.test, message: firstLines(f.message) }))
  } catch {
    return []
  }
}

function firstLines(text = "", count = 12) {
  return text.replace(/\u001b\[[0-9;]*m/g, "").split("\n")
    .filter((line) => line.trim() && !/^\s+at .*(node_modules|node:internal)/.test(line))
    .slice(0, count).join("\n")
}

function printSummary(failed) {
  if (!failed.length) return
  console.error("\n━━ Failing tests")
  for (const { suite, failures } of failed) {
    if (!failures.length) console.error(`\n[${suite}] failed with no test failure recorded (see the log above)`)
    for (const failure of failures) {
      console.error(`\n[${suite}] ${failure.where} › ${failure.test}\n${failure.message.replace(/^/gm, "    ")}`)
    }
  }
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
  fs.mkdirSync(reportDir, { recursive: true })
  const failed = []
  try {
    for (const suite of suites) {
      console.log(`\n=== ${suite} tests ===`)
      const { status, failures } = await jest(suite)
      if (status !== 0) {
        failed.push({ suite, failures })
        console.error(`\n${suite} tests failed (exit ${status})`)
      }
    }
  } finally {
    await stop()
  }
  printSummary(failed)
  process.exit(failed.length ? 1 : 0)
}

main().catch((e) => {
  console.error(e.message ?? e)
  process.exit(1)
})
