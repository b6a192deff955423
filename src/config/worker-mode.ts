export const WORKER_MODES = ["shared", "server", "worker"] as const
export type WorkerMode = (typeof WORKER_MODES)[number]

/**
 * `MEDUSA_WORKER_MODE` as Medusa's `projectConfig.workerMode`: unset is one
 * process doing everything (`shared`); a misspelt value stops the boot rather
 * than starting a server that silently never handles events.
 */
export function workerModeFromEnv(value: string | undefined): WorkerMode {
  const mode = (value ?? "").trim()
  if (!mode) {
    return "shared"
  }
  if (!(WORKER_MODES as readonly string[]).includes(mode)) {
    throw new Error(`MEDUSA_WORKER_MODE must be one of ${WORKER_MODES.join(", ")} (got "${mode}").`)
  }
  return mode as WorkerMode
}
