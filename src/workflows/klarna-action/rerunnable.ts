import type { KlarnaEventRow } from "../../modules/klarna-order-management/service"
import { cancelKlarnaAction } from "../cancel-klarna-order"
import { captureKlarnaAction } from "../capture-klarna-order"
import { reattachKlarnaAction } from "../reattach-klarna-payment"
import { recoverKlarnaAuthorizationAction } from "../recover-klarna-authorization"
import { restoreKlarnaAction } from "../restore-klarna-authorization"
import { extendKlarnaAction, releaseKlarnaAction } from "../run-klarna-order-operation"
import { syncKlarnaAction } from "../sync-klarna-order"
import type { KlarnaAction, KlarnaActionPayload, RunKlarnaActionInput } from "./types"

/** Entries written before actions were named by workflow id (`payload.automation`), so they can still be retried. */
const LEGACY_AUTOMATIONS: Record<string, KlarnaAction & { input?: Record<string, unknown> }> = {
  capture: captureKlarnaAction,
  cancel: cancelKlarnaAction,
  release: { ...releaseKlarnaAction, input: { operation: "release" } },
  extend: { ...extendKlarnaAction, input: { operation: "extend" } },
  sync: syncKlarnaAction,
  reattach: reattachKlarnaAction,
  "recover-authorization": recoverKlarnaAuthorizationAction,
  "restore-update": restoreKlarnaAction,
}

export type RerunnableKlarnaAction = Omit<RunKlarnaActionInput, "attempt" | "actor">

/** What the retry job and the attention list's Retry need to run an entry's action again. */
export function rerunnable(event: Pick<KlarnaEventRow, "order_id" | "action" | "operation_key" | "payload">): RerunnableKlarnaAction | undefined {
  const payload = (event.payload ?? {}) as Partial<KlarnaActionPayload> & { automation?: string }
  if (!event.operation_key) {
    return undefined
  }
  const base = { order_id: event.order_id, operation_key: event.operation_key }
  if (payload.workflow_id && payload.verb) {
    const { workflow_id, verb, recheck_on_refusal, input = {} } = payload
    return { ...base, workflow_id, verb, recheck_on_refusal, action: event.action as KlarnaAction["action"], input }
  }
  const legacy = payload.automation ? LEGACY_AUTOMATIONS[payload.automation] : undefined
  if (!legacy) {
    return undefined
  }
  const { input: fixed, ...action } = legacy
  return { ...base, ...action, input: { ...(payload.input ?? {}), ...fixed } }
}
