import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireRenewedLockStep, releaseRenewedLockStep } from "../renewed-lock"

/** A lock provider with expiry, as Medusa's: taken again by its owner, it is extended. */
function fakeLocking() {
  const locks = new Map<string, { owner?: string; until: number }>()
  const calls: Array<{ key: string; owner?: string; expire?: number }> = []
  return {
    calls,
    locks,
    service: {
      acquire: async (key: string, args: { ownerId?: string; expire?: number }) => {
        calls.push({ key, owner: args.ownerId, expire: args.expire })
        const held = locks.get(key)
        if (held && held.until > Date.now() && held.owner !== args.ownerId) throw new Error(`Failed to acquire lock for key "${key}"`)
        locks.set(key, { owner: args.ownerId, until: Date.now() + (args.expire ?? 0) * 1000 })
      },
      release: async (key: string, args: { ownerId?: string }) => locks.get(key)?.owner === args.ownerId && locks.delete(key),
    },
  }
}

let holdMs = 0
const workStep = createStep("renewed-lock-test-work", async () => {
  await new Promise((r) => setTimeout(r, holdMs))
  return new StepResponse("done")
})
const fail = createStep("renewed-lock-test-fail", async () => {
  throw new Error("the action failed")
})
createWorkflow("renewed-lock-test", (input: { fail: boolean; key: string }) => {
  const lock = acquireRenewedLockStep({ key: input.key, timeout: 1, lease: 0.3 })
  workStep()
  releaseRenewedLockStep(lock)
  return new WorkflowResponse("ok")
})
const failing = createWorkflow("renewed-lock-test-failing", (input: { key: string }) => {
  acquireRenewedLockStep({ key: input.key, timeout: 1, lease: 0.3 })
  fail()
  return new WorkflowResponse("never")
})

describe("acquireRenewedLockStep", () => {
  const setUp = () => {
    const locking = fakeLocking()
    const container = createMedusaContainer()
    container.register(Modules.LOCKING, asValue(locking.service))
    container.register(ContainerRegistrationKeys.LOGGER, asValue({ warn: () => {}, error: () => {}, info: () => {} }))
    return { container, locking }
  }

  it("keeps a short lease alive while the work outlasts it, and gives it back at the end", async () => {
    const { container, locking } = setUp()
    holdMs = 900 // three leases
    const { MedusaWorkflow } = await import("@medusajs/framework/workflows-sdk")
    const run = MedusaWorkflow.getWorkflow("renewed-lock-test")!
    const other = locking.service.acquire("order-1", { ownerId: "another-process", expire: 1 })
    await expect(other).resolves.toBeUndefined()
    await locking.service.release("order-1", { ownerId: "another-process" })

    const running = run(container).run({ input: { fail: false, key: "order-1" } })
    await new Promise((r) => setTimeout(r, 600)) // past the first lease: renewed, so still held
    await expect(locking.service.acquire("order-1", { ownerId: "another-process", expire: 1 })).rejects.toThrow("Failed to acquire")
    await running
    const renewals = locking.calls.filter((c) => c.key === "order-1" && c.owner?.startsWith("renewed:"))
    expect(renewals.length).toBeGreaterThanOrEqual(3)
    expect(renewals.every((c) => c.expire === 0.3)).toBe(true)
    expect(locking.locks.has("order-1")).toBe(false)

    // Renewal stopped: nothing takes the lock again after the workflow.
    const before = locking.calls.length
    await new Promise((r) => setTimeout(r, 400))
    expect(locking.calls.length).toBe(before)
  })

  it("gives the lock back when the work fails (compensation)", async () => {
    const { container, locking } = setUp()
    const { errors } = await failing(container).run({ input: { key: "order-2" }, throwOnError: false })
    expect(errors.map((e: any) => e.error?.message)).toEqual(["the action failed"])
    expect(locking.calls.some((c) => c.key === "order-2")).toBe(true)
    expect(locking.locks.has("order-2")).toBe(false)
  })
})
