import { rerunnable } from "../rerunnable"
import { captureKlarnaOrderWorkflowId } from "../../capture-klarna-order"
import { runKlarnaOrderOperationWorkflowId } from "../../run-klarna-order-operation"
import { restoreKlarnaAuthorizationWorkflowId } from "../../restore-klarna-authorization"

const entry = (payload: Record<string, unknown> | null, extra: Record<string, unknown> = {}) =>
  ({ order_id: "order_1", action: "capture", operation_key: "capture:order_1:completion", payload, ...extra }) as any

describe("rerunnable", () => {
  it("runs an entry's workflow again with its input, key and recheck", () => {
    const payload = { workflow_id: captureKlarnaOrderWorkflowId, verb: "capture", recheck_on_refusal: true, input: { order_id: "order_1", respect_toggle: true } }
    expect(rerunnable(entry(payload))).toEqual({
      order_id: "order_1",
      operation_key: "capture:order_1:completion",
      workflow_id: captureKlarnaOrderWorkflowId,
      action: "capture",
      verb: "capture",
      recheck_on_refusal: true,
      input: { order_id: "order_1", respect_toggle: true },
    })
  })

  it("still retries entries written under the old automation names", () => {
    expect(rerunnable(entry({ automation: "release", input: { order_id: "order_1", request_key: "r" } }, { action: "release" }))).toEqual(
      expect.objectContaining({ workflow_id: runKlarnaOrderOperationWorkflowId, action: "release", input: { order_id: "order_1", request_key: "r", operation: "release" } })
    )
    expect(rerunnable(entry({ automation: "restore-update", input: { change_key: "c~0" } }, { action: "update" }))).toEqual(
      expect.objectContaining({ workflow_id: restoreKlarnaAuthorizationWorkflowId, verb: "restore the previous lines of the" })
    )
  })

  it("has nothing to run for an entry without an action or a key", () => {
    expect(rerunnable(entry(null))).toBeUndefined()
    expect(rerunnable(entry({ automation: "no-such-action" }))).toBeUndefined()
    expect(rerunnable(entry({ workflow_id: captureKlarnaOrderWorkflowId, verb: "capture" }, { operation_key: null }))).toBeUndefined()
  })
})
