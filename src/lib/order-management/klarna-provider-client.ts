import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { KlarnaClient } from "../../providers/klarna/client"

/**
 * The Klarna client of the registered Klarna payment provider, so the
 * order-management workflows use the same credentials, region and retry
 * settings as payments. Medusa has no public accessor for a provider
 * instance; it lives in the payment module's own container, read here only.
 */
export function klarnaClientFor(container: MedusaContainer, providerId = "pp_klarna_klarna"): KlarnaClient {
  const paymentModule = container.resolve(Modules.PAYMENT) as unknown as { __container__?: Record<string, unknown> }
  const provider = paymentModule.__container__?.[providerId] as { klarnaClient?: KlarnaClient } | undefined
  if (!provider?.klarnaClient) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The Klarna payment provider ${providerId} is not registered. Add it to the Payment module's providers in medusa-config.ts.`
    )
  }
  return provider.klarnaClient
}

/** The registered Klarna payment provider itself, for the few calls that need its session data handling. */
export function klarnaProviderFor<T = unknown>(container: MedusaContainer, providerId = "pp_klarna_klarna"): T {
  const paymentModule = container.resolve(Modules.PAYMENT) as unknown as { __container__?: Record<string, unknown> }
  const provider = paymentModule.__container__?.[providerId] as T | undefined
  if (!provider) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The Klarna payment provider ${providerId} is not registered. Add it to the Payment module's providers in medusa-config.ts.`
    )
  }
  return provider
}
