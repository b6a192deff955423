import type { DatabaseState } from "./database-state"

export interface StartPlan {
  migrate: boolean
  seedStore: boolean
  createAdmin: boolean
}

/** What the main command must do to a database before serving it; nothing that is already done. */
export function planStart(state: DatabaseState, fingerprint: string): StartPlan {
  return {
    migrate: state.migratedFingerprint !== fingerprint,
    seedStore: state.demoStore === null,
    createAdmin: !state.adminExists,
  }
}
