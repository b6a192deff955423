import { container } from "@medusajs/framework"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { ILockingModule } from "@medusajs/framework/types"

/** Seconds a capture/refund waits for another one on the same Klarna order, and how long its lock outlives a process that died holding it (Redis renews it while the job runs). */
const WAIT_SECONDS = 60
const EXPIRE_SECONDS = 20

/**
 * Runs `job` while holding the lock of one Klarna order, across every process
 * that shares Medusa's locking module (Redis in a distributed setup). Captures
 * and refunds of one Klarna order then see each other's rows and Klarna's state
 * only after the other has finished, so none decides from a stale picture.
 */
export async function withKlarnaOrderLock<T>(klarnaOrderId: string, job: () => Promise<T>): Promise<T> {
  if (!container.hasRegistration(Modules.LOCKING)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Medusa's locking module is not loaded; Klarna captures and refunds need it to run one at a time per order."
    )
  }
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return await locking.execute(`klarna-payment:${klarnaOrderId}`, job, { timeout: WAIT_SECONDS, expire: EXPIRE_SECONDS })
}
