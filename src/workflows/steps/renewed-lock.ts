import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { ILockingModule } from "@medusajs/framework/types"

export type RenewedLockInput = {
  key: string
  /** Seconds to wait for another holder. */
  timeout: number
  /** Seconds the lock outlives a holder that stopped renewing it (a process killed mid-action). */
  lease: number
}
type HeldLock = { key: string; ownerId: string }

/** Renewal timers of the locks this process holds, by owner. */
const renewals = new Map<string, NodeJS.Timeout>()

function stopRenewing(ownerId: string) {
  clearInterval(renewals.get(ownerId))
  renewals.delete(ownerId)
}

/**
 * Takes a lock shared by every process on Medusa's locking module (Redis in a
 * distributed setup) and renews it while the workflow runs, so it may be held
 * as long as the work takes yet lapses a `lease` after its process dies — not
 * minutes later, as a fixed time-to-live long enough for the slowest action
 * would. Released by `releaseRenewedLockStep`, or by compensation on failure.
 */
export const acquireRenewedLockStep = createStep(
  "acquire-renewed-lock",
  async ({ key, timeout, lease }: RenewedLockInput, { container }) => {
    const locking = container.resolve<ILockingModule>(Modules.LOCKING)
    const ownerId = `renewed:${randomUUID()}`
    const giveUpAt = Date.now() + timeout * 1000
    for (;;) {
      try {
        await locking.acquire(key, { ownerId, expire: lease })
        break
      } catch {
        if (Date.now() >= giveUpAt) {
          throw new MedusaError(MedusaError.Types.CONFLICT, `Another process kept working on ${key} for more than ${timeout} s; try again shortly.`)
        }
        await sleep(250)
      }
    }
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const timer = setInterval(() => {
      // The same owner taking it again extends it.
      locking.acquire(key, { ownerId, expire: lease }).catch((e) => logger.warn(`Could not renew the lock ${key}: ${(e as Error).message}`))
    }, Math.max(250, (lease * 1000) / 3))
    timer.unref()
    renewals.set(ownerId, timer)
    const held: HeldLock = { key, ownerId }
    return new StepResponse(held, held)
  },
  async (held: HeldLock | undefined, { container }) => {
    if (!held) return
    stopRenewing(held.ownerId)
    await container.resolve<ILockingModule>(Modules.LOCKING).release(held.key, { ownerId: held.ownerId })
  }
)

export const releaseRenewedLockStep = createStep("release-renewed-lock", async (held: HeldLock, { container }) => {
  stopRenewing(held.ownerId)
  await container.resolve<ILockingModule>(Modules.LOCKING).release(held.key, { ownerId: held.ownerId })
  return new StepResponse(undefined)
})
