import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { testKlarnaConnectionStep } from "./steps/test-klarna-connection"

export const testKlarnaConnectionWorkflowId = "test-klarna-connection"

/** Settings → Klarna's "Test connection". */
export const testKlarnaConnectionWorkflow = createWorkflow(testKlarnaConnectionWorkflowId, () => new WorkflowResponse(testKlarnaConnectionStep({})))
