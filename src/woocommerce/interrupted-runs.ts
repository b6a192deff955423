/**
 * A run whose heartbeat is older than this lost its process (a restart, a
 * crash, a closed terminal): 60 s, or WOOCOMMERCE_IMPORT_STALE_AFTER_MS (at
 * least 3 s).
 */
export function staleAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.WOOCOMMERCE_IMPORT_STALE_AFTER_MS)
  return Number.isFinite(configured) && configured >= 3000 ? configured : 60_000
}

/** A running import proves it is alive this often: several beats per stale period, so a slow write never looks like a death. */
export function heartbeatMs(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(500, Math.floor(staleAfterMs(env) / 6))
}

/** Runs from before heartbeats existed: no progress for this long. */
const LEGACY_STALE_AFTER_MS = 30 * 60_000

export const INTERRUPTED_REASON =
  "The import was interrupted: the process running it stopped (a restart, a crash, a closed terminal), and it cannot continue by itself " +
  "without the WooCommerce REST key and secret, which are not kept for imports started from the command line. " +
  "Start it again (orders already imported are not duplicated), or continue it from the command line with --resume and this run's id."

/** Whether a run still marked running has lost its process. */
export function isStaleRun(run: { heartbeat_at?: Date | string | null; updated_at?: Date | string | null }, now: Date): boolean {
  if (run.heartbeat_at) {
    return new Date(run.heartbeat_at).getTime() < now.getTime() - staleAfterMs()
  }
  return !!run.updated_at && new Date(run.updated_at).getTime() < now.getTime() - LEGACY_STALE_AFTER_MS
}

export const UNOPENED_CREDENTIALS_REASON =
  "The import could not be run: the WooCommerce REST key and secret kept sealed on the run could not be opened " +
  "(every Medusa process of the deployment — the server and its workers — must have the same JWT secret, http.jwtSecret). " +
  "Start it again (orders already imported are not duplicated)."
