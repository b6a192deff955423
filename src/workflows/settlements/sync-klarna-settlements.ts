import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { planSettlementSync } from "../../klarna/settlements"
import { loadSettlementFactsStep } from "./steps/load-settlement-facts"
import { readKlarnaSettlementsStep } from "./steps/read-klarna-settlements"
import { recordSettlementAttentionStep } from "./steps/record-settlement-attention"
import { saveKlarnaSettlementsStep } from "./steps/save-klarna-settlements"
import { settlementSyncOptionsStep } from "./steps/settlement-sync-options"
import type { SyncKlarnaSettlementsInput } from "./types"
import type { TransactionMatchState } from "../../klarna/settlements"

export const syncKlarnaSettlementsWorkflowId = "sync-klarna-settlements"

/** One sync at a time: two would read the same payouts and race to insert the same rows. */
const LOCK = { key: "klarna-settlements-sync", timeout: 60, ttl: 900 }

/**
 * Reads each connection's (Klarna's, Kustom's) payouts and their transactions, matches them to
 * Medusa's captures and refunds, stores them (reading again updates the same rows) and keeps the
 * attention list in step: what does not match is listed, what was resolved leaves it.
 */
export const syncKlarnaSettlementsWorkflow = createWorkflow(syncKlarnaSettlementsWorkflowId, (input: SyncKlarnaSettlementsInput) => {
  acquireLockStep({ key: LOCK.key, timeout: LOCK.timeout, ttl: LOCK.ttl })
  const options = settlementSyncOptionsStep(input)
  const connections = readKlarnaSettlementsStep(transform({ input }, ({ input }) => ({ from: input.from, to: input.to })))
  const facts = loadSettlementFactsStep(
    transform({ connections, options }, ({ connections, options }) => ({ connections, now: options.now, overdue_after_days: options.overdue_after_days }))
  )
  const plans = transform({ connections, facts, options }, ({ connections, facts, options }) =>
    connections.map((c) => {
      const f = facts.find((x) => x.connection === c.connection)
      const plan = f
        ? planSettlementSync({ ...f, payouts: c.payouts, transactions: c.transactions, now: options.now, overdue_after_days: options.overdue_after_days })
        : { transactions: [], problems: [], evaluated_keys: [] }
      return { connection: c, plan }
    })
  )
  const saveInputs = transform({ plans, options }, ({ plans, options }) =>
    plans.map(({ connection, plan }) => ({
      connection: connection.connection,
      brand: connection.brand,
      payouts: connection.payouts,
      transactions: plan.transactions,
      synced_at: options.now,
    }))
  )
  saveKlarnaSettlementsStep(saveInputs)
  const attention = recordSettlementAttentionStep(
    transform({ plans }, ({ plans }) => ({
      problems: plans.flatMap((p) => p.plan.problems),
      evaluated_keys: plans.flatMap((p) => p.plan.evaluated_keys),
    }))
  )
  releaseLockStep({ key: LOCK.key })
  return new WorkflowResponse(
    transform({ plans, attention }, ({ plans, attention }) => ({
      connections: plans.map(({ connection, plan }) => ({
        connection: connection.connection,
        brand: connection.brand,
        payouts: connection.payouts.length,
        transactions: connection.transactions.length,
        ...countStates(plan.transactions.map((t) => t.match.state)),
        problems: plan.problems.length,
        ...(connection.error ? { error: connection.error } : {}),
      })),
      attention,
    }))
  )
})

function countStates(states: TransactionMatchState[]) {
  const count = (s: TransactionMatchState) => states.filter((x) => x === s).length
  return { matched: count("matched"), amount_differs: count("amount_differs"), unmatched: count("unmatched"), attached: count("attached"), unattached: count("unattached") }
}
