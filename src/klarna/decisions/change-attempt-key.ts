const ATTEMPT_SEPARATOR = "~"

/**
 * The Klarna key of one confirmation attempt of a change: `<change id>~<restores so far>`. After a
 * restore, confirming the same change again must update Klarna again, not replay the first answer;
 * a repeated request before any restore (a double click, a retry) gets the same key and is replayed.
 */
export const changeAttemptKey = (changeId: string, restoresSoFar: number) => `${changeId}${ATTEMPT_SEPARATOR}${restoresSoFar}`

export const changeIdOfAttempt = (attemptKey: string) => attemptKey.split(ATTEMPT_SEPARATOR)[0]

const RESTORE_PREFIX = "restore-update"

/** The event-log entry of the restore of one confirmation attempt (`attemptKey`) of a change to a Klarna order. */
export const restoreOperationKey = (klarnaOrderId: string, attemptKey: string) => `${RESTORE_PREFIX}:${klarnaOrderId}:${attemptKey}`

/** Operation keys of the restores of one change (any Klarna order, any attempt), as a SQL LIKE pattern. */
export const restoresOfChangePattern = (changeId: string) => restoreOperationKey("%", `${changeId}${ATTEMPT_SEPARATOR}%`)
