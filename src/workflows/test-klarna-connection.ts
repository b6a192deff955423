import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { testKlarnaConnectionStep } from "./steps/test-klarna-connection"

export const testKlarnaConnectionWorkflowId = "test-klarna-connection"

/** Settings → Klarna's "Test connection", for Klarna's connection or Kustom's. */
export const testKlarnaConnectionWorkflow = createWorkflow(
  testKlarnaConnectionWorkflowId,
  (input: { brand?: "klarna" | "kustom" }) => new WorkflowResponse(testKlarnaConnectionStep(input))
)
