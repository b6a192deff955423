const ATTEMPT_SEPARATOR = "~"

/**
 * The Klarna key of one confirmation attempt of a change: `<change id>~<restores so far>`. After a
 * restore, confirming the same change again must update Klarna again, not replay the first answer;
 * a repeated request before any restore (a double click, a retry) gets the same key and is replayed.
 */
export const changeAttemptKey = (changeId: string, restoresSoFar: number) => `${changeId}${ATTEMPT_SEPARATOR}${restoresSoFar}`

export const changeIdOfAttempt = (attemptKey: string) => attemptKey.split(ATTEMPT_SEPARATOR)[0]

/** Operation keys of the succeeded restores of one change, as a SQL LIKE pattern. */
export const restoresOfChangePattern = (changeId: string) => `restore-update:%:${changeId}${ATTEMPT_SEPARATOR}%`
