export interface BannerFacts {
  port: number
  admin: { email: string; password: string; loginWorks: boolean }
  publishableKey: string | null
  klarna: string
  /** Where Klarna Checkout orders (run by Kustom) are managed. */
  kustom?: string
  watching: boolean
  /** MEDUSA_WORKER_MODE=server: events and jobs run in workers. */
  serverOnly?: boolean
}

/** The lines `npm start` prints once Medusa answers: only what is true of this run. */
export function startBanner(f: BannerFacts): string {
  const adminLine = f.admin.loginWorks
    ? `(${f.admin.email} / ${f.admin.password})`
    : `(${f.admin.email} exists with another password; set one with: npx medusa user -e ${f.admin.email} -p <password>)`
  const lines = [
    " medusa-klarna is running" + (f.watching ? " (restarts when files change)" : ""),
    `   Admin:            http://localhost:${f.port}/app   ${adminLine}`,
    `   Store API:        http://localhost:${f.port}/store`,
    `   Publishable key:  ${f.publishableKey ?? "none (the database has no demo publishable key)"}`,
    `   Klarna:           ${f.klarna}`,
    ...(f.kustom ? [`   Kustom:           ${f.kustom}`] : []),
    ...(f.serverOnly ? ["   Events and jobs:  in workers (MEDUSA_WORKER_MODE=server); start each with: npm run worker"] : []),
    " Place a test order:  npm run demo:order",
  ]
  const rule = "─".repeat(62)
  return `\n${rule}\n${lines.join("\n")}\n${rule}\n`
}
