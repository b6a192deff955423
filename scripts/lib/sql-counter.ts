// SQL statements per operation, counted by the server: for the time of a benchmark, the embedded
// PostgreSQL logs every statement (ALTER SYSTEM log_statement = 'all', reloaded, reset at the end),
// and the statements of the benchmark's database between two markers written by this connection are
// counted from its log file (`LOG:  statement:` for the simple protocol, `LOG:  execute …:` for the
// extended one node-postgres uses with parameters: each executed statement once). BEGIN, COMMIT,
// ROLLBACK, SAVEPOINT and RELEASE are not statements here; transactions (BEGIN) are counted apart.
// Work the server does after answering (events, subscribers) counts for the operation: the end marker
// waits until the database has been quiet for a moment. Operations must run one window at a time.
// Without the embedded PostgreSQL's log (an external DATABASE_URL) or a superuser, it says why not.
// BENCH_SQL_LOG=<file> appends every window's statements to that file.
import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"

export interface SqlCount {
  /** Statements other than transaction control. */
  statements: number
  /** Transactions begun (BEGIN / START TRANSACTION). */
  transactions: number
}

export type SqlCounter =
  | {
      measured: true
      /** Counts what the server runs from just before `run` until it is quiet after it. */
      measure: <T>(run: () => Promise<T>) => Promise<{ result: T; sql: SqlCount }>
      stop: () => Promise<void>
    }
  | { measured: false; reason: string; stop: () => Promise<void> }

const PREFIX = "%m [%p] db=%d "
const LINE = /^\S+ \S+ \S+ \[(\d+)\] db=(\S*) LOG:  (?:statement|execute [^:]*): (.*)$/
const TRANSACTION_CONTROL = /^\s*(?:BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE)\b/i
const BEGIN = /^\s*(?:BEGIN|START\s+TRANSACTION)\b/i

interface Entry {
  pid: number
  db: string
  sql: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The new complete lines of a growing file, from where the last call stopped. */
function tail(file: string) {
  let offset = fs.statSync(file).size
  let rest = ""
  return (): string[] => {
    const size = fs.statSync(file).size
    if (size <= offset) return []
    const fd = fs.openSync(file, "r")
    try {
      const buf = Buffer.alloc(size - offset)
      const n = fs.readSync(fd, buf, 0, buf.length, offset)
      offset += n
      const lines = (rest + buf.subarray(0, n).toString("utf8")).split("\n")
      rest = lines.pop() ?? ""
      return lines
    } finally {
      fs.closeSync(fd)
    }
  }
}

/**
 * Starts counting for the bench stack whose data is in `dataDir` (its runtime.json names the
 * database, its postgres.log is the embedded server's log). `quietMs`: how long the database must
 * run nothing before a window closes; `maxSettleMs`: the longest a window waits for that.
 */
export async function startSqlCounter(dataDir: string, opts: { quietMs?: number; maxSettleMs?: number } = {}): Promise<SqlCounter> {
  const quietMs = opts.quietMs ?? 300
  const maxSettleMs = opts.maxSettleMs ?? 5000
  const notMeasured = (reason: string): SqlCounter => ({ measured: false, reason, stop: async () => {} })
  const logFile = path.join(dataDir, "postgres.log")
  let url: string | undefined
  try {
    url = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8")).env?.DATABASE_URL
  } catch {}
  if (!url) return notMeasured("the backend wrote no DATABASE_URL to runtime.json")
  if (!fs.existsSync(logFile)) return notMeasured("the database is not the embedded PostgreSQL, so there is no server log to count statements in")

  const client = new Client({ connectionString: url })
  await client.connect()
  const fail = async (reason: string) => {
    await client.end().catch(() => {})
    return notMeasured(reason)
  }
  const { rows } = await client.query("select current_setting('is_superuser') = 'on' as su, current_database() as db, pg_backend_pid() as pid")
  if (!rows[0].su) return fail("the database user is not a superuser, so it cannot turn on statement logging")
  const db: string = rows[0].db
  const ownPid: number = rows[0].pid

  const next = tail(logFile)
  const configure = async (on: boolean) => {
    if (on) {
      await client.query("alter system set log_statement = 'all'")
      await client.query(`alter system set log_line_prefix = '${PREFIX}'`)
    } else {
      await client.query("alter system reset log_statement")
      await client.query("alter system reset log_line_prefix")
    }
    await client.query("select pg_reload_conf()")
  }
  let markers = 0
  /** Writes a marker into the log; resolves with the entries logged before it since the last read. */
  const mark = async (timeoutMs = 10_000): Promise<Entry[]> => {
    const label = `bench-sql-mark-${process.pid}-${++markers}`
    const before: Entry[] = []
    const deadline = Date.now() + timeoutMs
    await client.query(`select '${label}'`)
    for (;;) {
      for (const line of next()) {
        const m = LINE.exec(line)
        if (!m) continue
        const entry = { pid: Number(m[1]), db: m[2], sql: m[3] }
        if (entry.pid === ownPid) {
          if (entry.sql.includes(label)) return before
          continue
        }
        if (entry.db === db) before.push(entry)
      }
      if (Date.now() > deadline) throw new Error(`the marker ${label} did not appear in ${logFile}`)
      await sleep(20)
    }
  }
  /** Waits until the database has logged nothing new for quietMs (or maxSettleMs have passed). */
  const settle = async (into: Entry[]) => {
    const started = Date.now()
    let lastActivity = Date.now()
    while (Date.now() - lastActivity < quietMs && Date.now() - started < maxSettleMs) {
      await sleep(50)
      let any = false
      for (const line of next()) {
        const m = LINE.exec(line)
        if (!m || Number(m[1]) === ownPid || m[2] !== db) continue
        into.push({ pid: Number(m[1]), db: m[2], sql: m[3] })
        any = true
      }
      if (any) lastActivity = Date.now()
    }
  }

  await configure(true)
  // The reload reaches each backend before its next statement; the first marker seen with the new
  // prefix proves this connection's did.
  try {
    const deadline = Date.now() + 10_000
    for (;;) {
      try {
        await mark(500)
        break
      } catch (e) {
        if (Date.now() > deadline) throw e
      }
    }
  } catch (e: any) {
    await configure(false).catch(() => {})
    return fail(`statement logging did not take effect (${e.message})`)
  }

  return {
    measured: true,
    measure: async (run) => {
      await settle([])
      await mark()
      const result = await run()
      const entries: Entry[] = []
      await settle(entries)
      entries.push(...(await mark()))
      if (process.env.BENCH_SQL_LOG) {
        // Every statement of the window, to see where they come from.
        fs.appendFileSync(process.env.BENCH_SQL_LOG, `--- window (${entries.length} lines)\n${entries.map((e) => e.sql).join("\n")}\n`)
      }
      const statements = entries.filter((e) => !TRANSACTION_CONTROL.test(e.sql)).length
      const transactions = entries.filter((e) => BEGIN.test(e.sql)).length
      return { result, sql: { statements, transactions } }
    },
    stop: async () => {
      await configure(false).catch(() => {})
      await client.end().catch(() => {})
    },
  }
}
