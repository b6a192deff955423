import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { klarnaClientFor } from "../../providers/klarna/provider-client"

const PROBE_ORDER_ID = "00000000-0000-0000-0000-000000000000"

export type KlarnaConnectionTest = { ok: boolean; message: string; status?: number | null; correlation_id?: string | null }

/**
 * Checks that Klarna answers with the configured credentials: reads an order
 * that cannot exist. "Not found" means Klarna accepted the credentials.
 */
export const testKlarnaConnectionStep = createStep("test-klarna-connection", async (_input: Record<string, never>, { container }) => {
  let client
  try {
    client = klarnaClientFor(container)
  } catch (e) {
    return new StepResponse<KlarnaConnectionTest>({ ok: false, message: (e as Error).message })
  }
  try {
    await client.getOrder(PROBE_ORDER_ID)
    return new StepResponse<KlarnaConnectionTest>({ ok: true, message: `Klarna answered at ${client.baseUrl}.` })
  } catch (e) {
    const err = e as { status?: number; message: string; correlationId?: string }
    if (err.status === 404) {
      return new StepResponse<KlarnaConnectionTest>({ ok: true, message: `Connected: Klarna accepted the credentials at ${client.baseUrl}.`, correlation_id: err.correlationId })
    }
    return new StepResponse<KlarnaConnectionTest>({ ok: false, message: err.message, status: err.status ?? null, correlation_id: err.correlationId ?? null })
  }
})
