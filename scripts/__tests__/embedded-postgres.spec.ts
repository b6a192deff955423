import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startEmbeddedPostgres, binaries, reachableBinaries, systemUser, allowed } = require("../lib/embedded-postgres")

const isRoot = typeof process.getuid === "function" && process.getuid() === 0
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "mk-pg-test-"))

jest.setTimeout(120_000)

describe("embedded PostgreSQL", () => {
  it("keeps serving while this process's event loop is blocked and the server logs a lot", async () => {
    // Medusa's test runner and `medusa exec` run while the parent sits in spawnSync. A server whose
    // log went to a pipe of the parent blocked in write(2) after ~64 KB, and with it every backend.
    const pg = await startEmbeddedPostgres({ dir: path.join(tmp(), "data"), persistent: false })
    try {
      const script = `
        const { Client } = require("pg")
        ;(async () => {
          const c = new Client({ host: "127.0.0.1", port: ${pg.port}, user: "${pg.user}", password: "${pg.password}", database: "postgres" })
          await c.connect()
          await c.query("do $$ begin for i in 1..3000 loop raise warning '%', repeat('x', 200); end loop; end $$")
          await c.query("create database after_the_noise")
          await c.query("drop database after_the_noise")
          await c.end()
        })().catch((e) => { console.error(e.message); process.exit(1) })`
      const r = spawnSync(process.execPath, ["-e", script], { cwd: process.cwd(), timeout: 60_000, encoding: "utf8" })
      expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: "" })
      expect(fs.statSync(pg.logFile).size).toBeGreaterThan(600_000)
    } finally {
      await pg.stop()
    }
  })

  it("deletes a non-persistent data folder when stopped", async () => {
    const dir = path.join(tmp(), "data")
    const pg = await startEmbeddedPostgres({ dir, persistent: false })
    expect(fs.existsSync(path.join(pg.dataDir, "PG_VERSION"))).toBe(true)
    await pg.stop()
    expect(fs.existsSync(pg.dataDir)).toBe(false)
  })

  it("keeps a persistent database across restarts", async () => {
    const dir = path.join(tmp(), "data")
    const first = await startEmbeddedPostgres({ dir, persistent: true })
    await first.createDatabase("kept")
    await first.stop()
    const second = await startEmbeddedPostgres({ dir, persistent: true })
    try {
      const { Client } = require("pg")
      const c = new Client({ connectionString: second.url("kept") })
      await c.connect()
      await c.end()
    } finally {
      await second.stop()
    }
  })

  // As root the server runs as the `postgres` user, which cannot enter root's mode-700 home.
  ;(isRoot ? describe : describe.skip)("as root, from a folder the postgres user cannot enter", () => {
    it("puts the data folder where the postgres user can reach it, and says so", async () => {
      const closed = tmp()
      fs.chmodSync(closed, 0o700)
      const fallbackRoot = tmp()
      const notes: string[] = []
      const pg = await startEmbeddedPostgres({ dir: path.join(closed, ".data", "postgres"), persistent: false, fallbackRoot, onNote: (n: string) => notes.push(n) })
      try {
        expect(pg.dataDir.startsWith(fallbackRoot)).toBe(true)
        expect(notes.join("\n")).toContain(`cannot enter ${path.join(closed, ".data")}`)
        await pg.createDatabase("reachable")
      } finally {
        await pg.stop()
      }
    })

    it("copies the binaries where the postgres user can run them", async () => {
      const closed = tmp()
      fs.chmodSync(closed, 0o700)
      const { nativeDir } = binaries()
      const copy = path.join(closed, "native")
      fs.cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true })
      const who = systemUser()
      expect(allowed(who, "-x", path.join(copy, "bin", "postgres"))).toBe(false)
      const fallbackRoot = tmp()
      const reachable = reachableBinaries(copy, who, fallbackRoot)
      expect(reachable.startsWith(fallbackRoot)).toBe(true)
      expect(allowed(who, "-x", path.join(reachable, "bin", "postgres"))).toBe(true)
      const version = spawnSync(path.join(reachable, "bin", "postgres"), ["--version"], { uid: who.uid, gid: who.gid, encoding: "utf8" })
      expect(version.stdout).toMatch(/PostgreSQL\) \d+/)
    })
  })
})
