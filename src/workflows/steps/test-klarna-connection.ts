import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_KLARNA_PROVIDER_ID, DEFAULT_KUSTOM_PROVIDER_ID, klarnaClientFor } from "../../providers/klarna/provider-client"

const PROBE_ORDER_ID = "00000000-0000-0000-0000-000000000000"

export type KlarnaConnectionTest = { ok: boolean; message: string; status?: number | null; correlation_id?: string | null }

/**
 * Checks that Klarna (or Kustom) answers with the configured credentials: reads
 * an order that cannot exist. "Not found" means the credentials were accepted.
 */
export const testKlarnaConnectionStep = createStep("test-klarna-connection", async (input: { brand?: "klarna" | "kustom" }, { container }) => {
  const kustom = input.brand === "kustom"
  const name = kustom ? "Kustom" : "Klarna"
  let client
  try {
    client = klarnaClientFor(container, kustom ? DEFAULT_KUSTOM_PROVIDER_ID : DEFAULT_KLARNA_PROVIDER_ID)
  } catch (e) {
    return new StepResponse<KlarnaConnectionTest>({ ok: false, message: (e as Error).message })
  }
  try {
    await client.getOrder(PROBE_ORDER_ID)
    return new StepResponse<KlarnaConnectionTest>({ ok: true, message: `${name} answered at ${client.baseUrl}.` })
  } catch (e) {
    const err = e as { status?: number; message: string; correlationId?: string }
    if (err.status === 404) {
      return new StepResponse<KlarnaConnectionTest>({ ok: true, message: `Connected: ${name} accepted the credentials at ${client.baseUrl}.`, correlation_id: err.correlationId })
    }
    return new StepResponse<KlarnaConnectionTest>({ ok: false, message: err.message, status: err.status ?? null, correlation_id: err.correlationId ?? null })
  }
})
