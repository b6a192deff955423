/**
 * A run saves its progress after every page; one that has not for this long
 * lost its process (a restart, a crash, a closed terminal).
 */
export const INTERRUPTED_AFTER_MS = 30 * 60_000

export const INTERRUPTED_REASON =
  "The import was interrupted: it made no progress for 30 minutes, so the server or command running it has stopped. " +
  "Start it again (orders already imported are not duplicated), or continue it from the command line with --resume and this run's id."

/** Runs still "running" that last saved progress before this are interrupted. */
export function interruptedBefore(now: Date): Date {
  return new Date(now.getTime() - INTERRUPTED_AFTER_MS)
}
