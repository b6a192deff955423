import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../../modules/klarna-order-management"
import { refusedBeforeActing } from "../refused-before-acting"
import { runKlarnaAction } from "../run-klarna-action"
import type { KlarnaAction } from "../types"

type Entry = Record<string, any>

/** The recording workflow's collaborators, in memory: event log, lock, notification feed. */
function fakeContainer() {
  const entries: Entry[] = []
  const held = new Map<string, string | undefined>()
  const notifications: unknown[] = []
  let next = 0
  const om = {
    retryPolicy: { maxAttempts: 3, baseDelayMs: 30_000, maxDelayMs: 3_600_000 },
    recoveryPolicy: { leaseMs: 60_000, unfinishedAfterMs: 180_000 },
    // As the module: a new key is one INSERT; an existing one is taken over unless settled.
    claimEvent: async (input: Entry) => {
      const previous = entries.find((e) => e.operation_key === input.operation_key)
      if (!previous) {
        const row = { id: `kev_${++next}`, resolved_at: null, ...input }
        entries.push(row)
        return { claimed: row, previous: null }
      }
      if (previous.outcome === "succeeded" || previous.resolved_at) return { claimed: null, previous }
      const index = entries.findIndex((e) => e.id === previous.id)
      entries[index] = { ...previous, ...input }
      return { claimed: entries[index], previous: { ...previous } }
    },
    finishClaimedEvent: async (claimed: Entry, input: Entry) => {
      const index = entries.findIndex((e) => e.id === claimed.id)
      entries[index] = { ...entries[index], ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) }
      return entries[index]
    },
    releaseClaimedEvent: async (claimedId: string, previous: Entry | null) => {
      const index = entries.findIndex((e) => e.id === claimedId)
      if (previous) entries[index] = { ...previous }
      else entries.splice(index, 1)
    },
    deleteKlarnaEvents: async (id: string) => {
      entries.splice(entries.findIndex((e) => e.id === id), 1)
    },
    updateKlarnaEvents: async (update: Entry) => {
      const index = entries.findIndex((e) => e.id === update.id)
      entries[index] = { ...entries[index], ...update }
      return entries[index]
    },
    findEventByOperationKey: async (key: string) => entries.find((e) => e.operation_key === key),
    recordEvent: async (input: Entry, known?: Entry | null) => {
      const existing = known ?? entries.find((e) => e.operation_key === input.operation_key)
      if (existing) {
        // A new row object, as the module answers: the caller's copy of the old one stays as it was.
        const index = entries.findIndex((e) => e.id === existing.id)
        entries[index] = { ...entries[index], ...input }
        return entries[index]
      }
      const row = { id: `kev_${++next}`, resolved_at: null, ...input }
      entries.push(row)
      return row
    },
  }
  const locking = {
    // Taken again by its owner, a lock is extended (renewed), as Medusa's providers do.
    acquire: async (keys: string | string[], args?: { ownerId?: string }) => {
      for (const key of [keys].flat()) {
        if (held.has(key) && held.get(key) !== args?.ownerId) throw new Error(`Failed to acquire lock for key "${key}"`)
        held.set(key, args?.ownerId)
      }
    },
    release: async (keys: string | string[], args?: { ownerId?: string }) =>
      [keys].flat().every((key) => held.get(key) === args?.ownerId && held.delete(key)),
  }
  const container = createMedusaContainer()
  container.register(KLARNA_ORDER_MANAGEMENT_MODULE, asValue(om))
  container.register(Modules.LOCKING, asValue(locking))
  container.register(Modules.NOTIFICATION, asValue({ createNotifications: async (n: unknown) => notifications.push(n) }))
  container.register(ContainerRegistrationKeys.QUERY, asValue({ graph: async () => ({ data: [{ id: "order_1", display_id: 7 }] }) }))
  container.register(ContainerRegistrationKeys.LOGGER, asValue({ warn: () => {}, error: () => {}, info: () => {} }))
  return { container, entries, held, notifications }
}

// Test actions, registered in Medusa's workflow registry like the plugin's own.
let runs: Array<Record<string, unknown>> = []
let behaviour: (input: Record<string, unknown>) => unknown = () => ({ outcome: "succeeded", message: "Done." })
const testActionStep = createStep("test-klarna-action-step", async (input: Record<string, unknown>) => {
  runs.push(input)
  return new StepResponse(behaviour(input))
})
createWorkflow("test-klarna-action", (input: Record<string, unknown>) => new WorkflowResponse(testActionStep(input)))
const action: KlarnaAction = { workflow_id: "test-klarna-action", action: "capture", verb: "capture" }

const unavailable = () => {
  throw Object.assign(new Error("Klarna is temporarily unavailable (503)."), { retryable: true })
}

describe("run-klarna-action", () => {
  beforeEach(() => {
    runs = []
    behaviour = () => ({ outcome: "succeeded", message: "Done." })
  })

  it("runs the action's workflow by id and writes one entry naming it, then gives the order's lock back", async () => {
    const { container, entries, held } = fakeContainer()
    const entry = await runKlarnaAction(container, action, { order_id: "order_1", input: { order_id: "order_1" }, operation_key: "capture:order_1:completion" })
    expect(runs).toEqual([{ order_id: "order_1" }])
    expect(entry).toEqual(expect.objectContaining({ outcome: "succeeded", action: "capture", actor: "automation", attempts: 1, attention: false }))
    expect(entries).toHaveLength(1)
    expect(entries[0].payload).toEqual({ workflow_id: "test-klarna-action", verb: "capture", input: { order_id: "order_1" } })
    expect(held.size).toBe(0)
  })

  it("does not run an action whose entry already succeeded (a duplicated event)", async () => {
    const { container, entries } = fakeContainer()
    const run = () => runKlarnaAction(container, action, { order_id: "order_1", input: {}, operation_key: "capture:order_1:completion" })
    await run()
    const again = await run()
    expect(runs).toHaveLength(1)
    expect(entries).toHaveLength(1)
    expect(again).toEqual(expect.objectContaining({ id: entries[0].id, outcome: "succeeded" }))
  })

  it("schedules a retry while Klarna is unavailable, then gives up, lists it and announces it once", async () => {
    const { container, entries, notifications } = fakeContainer()
    behaviour = unavailable
    const run = (attempt: number) => runKlarnaAction(container, action, { order_id: "order_1", input: {}, operation_key: "capture:order_1:completion", attempt })
    const first = await run(1)
    expect(first).toEqual(expect.objectContaining({ outcome: "pending_retry", attention: true }))
    expect(new Date(first!.next_attempt_at).getTime()).toBeGreaterThan(Date.now())
    expect(first!.message).toMatch(/^Could not capture Klarna order yet: Klarna is temporarily unavailable \(503\)\. Retrying automatically at/)
    const last = await run(3)
    expect(last).toEqual(expect.objectContaining({ outcome: "needs_attention", next_attempt_at: null, attempts: 3 }))
    expect(last!.message).toBe("Could not capture Klarna order after 3 attempts: Klarna is temporarily unavailable (503). This needs your attention.")
    expect(entries).toHaveLength(1)
    expect(notifications).toHaveLength(1)
  })

  it("answers an admin's request refused before anything was done, with no entry; records it for an automatic action", async () => {
    const { container, entries, held } = fakeContainer()
    behaviour = () => {
      throw refusedBeforeActing("NOT_FOUND", "Order order_9 was not found.")
    }
    // Medusa's error handler answers it by its type: 404.
    await expect(runKlarnaAction(container, action, { order_id: "order_9", input: {}, operation_key: "manual-capture:order_9:1" })).rejects.toEqual(
      expect.objectContaining({ type: MedusaError.Types.NOT_FOUND, message: "Order order_9 was not found." })
    )
    expect(entries).toHaveLength(0)
    expect(held.size).toBe(0)
    const automatic = await runKlarnaAction(container, action, { order_id: "order_9", input: {}, operation_key: "capture:order_9:completion" })
    expect(automatic).toEqual(expect.objectContaining({ outcome: "failed", attention: true, message: "Could not capture Klarna order. Order order_9 was not found." }))
  })

  it("an admin's own failure is answered in the request, not listed", async () => {
    const { container } = fakeContainer()
    behaviour = () => {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna refused to capture the order.")
    }
    const entry = await runKlarnaAction(container, action, { order_id: "order_1", input: {}, operation_key: "manual-capture:order_1:1" })
    expect(entry).toEqual(expect.objectContaining({ outcome: "failed", attention: false }))
  })

  it("runs an action that guards on the last known state once more on Klarna's live order after a refusal", async () => {
    const { container } = fakeContainer()
    behaviour = (input) => {
      if (!input.read_klarna) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Klarna refused to capture the order.")
      return { outcome: "failed", message: "Klarna order failed to capture, the order has already been canceled." }
    }
    const entry = await runKlarnaAction(container, { ...action, recheck_on_refusal: true }, { order_id: "order_1", input: { order_id: "order_1" }, operation_key: "capture:order_1:completion" })
    expect(runs).toEqual([{ order_id: "order_1" }, { order_id: "order_1", read_klarna: true }])
    expect(entry).toEqual(expect.objectContaining({ outcome: "failed", message: "Klarna order failed to capture, the order has already been canceled." }))
  })

  it("emits what the action left for after its answer once its entry exists, naming the entry", async () => {
    const { container, entries } = fakeContainer()
    const emitted: any[] = []
    container.register(Modules.EVENT_BUS, asValue({ emit: async (m: unknown) => emitted.push(...[m].flat()), releaseGroupedEvents: async () => {}, clearGroupedEvents: async () => {} }))
    behaviour = () => ({ outcome: "succeeded", message: "Captured.", follow_up: { event: "test.follow_up", data: { klarna_capture_id: "cap-1" } } })
    await runKlarnaAction(container, action, { order_id: "order_1", input: {}, operation_key: "capture:order_1:completion" })
    expect(emitted).toEqual([expect.objectContaining({ name: "test.follow_up", data: { klarna_capture_id: "cap-1", event_id: entries[0].id } })])
    expect(entries[0]).not.toHaveProperty("follow_up")
  })

  it("moves the entry to the order the action names (a recovered checkout becomes an order)", async () => {
    const { container, entries } = fakeContainer()
    behaviour = () => ({ order_id: "order_2", outcome: "succeeded", attention: false, message: "Placed." })
    await runKlarnaAction(container, action, { order_id: "cart_1", input: {}, operation_key: "authorize:cart_1" })
    expect(entries[0].order_id).toBe("order_2")
  })

  it("writes the entry as running before it acts, so a process that dies mid-action leaves it for the retry job", async () => {
    const { container, entries } = fakeContainer()
    let seenWhileRunning: Entry[] = []
    behaviour = () => {
      seenWhileRunning = entries.map((e) => ({ ...e }))
      return { outcome: "succeeded", message: "Done." }
    }
    await runKlarnaAction(container, action, { order_id: "order_1", input: { order_id: "order_1" }, operation_key: "capture:order_1:completion" })
    expect(seenWhileRunning).toEqual([
      expect.objectContaining({ outcome: "running", attention: false, message: "Klarna capture in progress; if it is interrupted, it is resumed automatically." }),
    ])
    const lease = new Date(seenWhileRunning[0].next_attempt_at).getTime() - Date.now()
    expect(lease).toBeGreaterThan(50_000)
    expect(lease).toBeLessThanOrEqual(60_000)
    expect(seenWhileRunning[0].payload).toEqual({ workflow_id: "test-klarna-action", verb: "capture", input: { order_id: "order_1" } })
    expect(entries).toEqual([expect.objectContaining({ outcome: "succeeded" })])
  })

  it("runs again an action whose claim a dead process left, and leaves no entry for an order that is not Klarna's", async () => {
    const { container, entries } = fakeContainer()
    const key = "capture:order_1:completion"
    entries.push({ id: "kev_dead", operation_key: key, outcome: "running", resolved_at: null, attempts: 1, next_attempt_at: new Date(Date.now() - 1000) })
    await runKlarnaAction(container, action, { order_id: "order_1", input: {}, operation_key: key, attempt: 2 })
    expect(runs).toHaveLength(1)
    expect(entries).toEqual([expect.objectContaining({ id: "kev_dead", outcome: "succeeded", attempts: 2 })])

    behaviour = () => null
    await runKlarnaAction(container, action, { order_id: "order_2", input: {}, operation_key: "capture:order_2:completion" })
    expect(entries.map((e) => e.order_id ?? "order_1")).toEqual(["order_1"])
  })
})
