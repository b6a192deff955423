import { MedusaError } from "@medusajs/framework/utils"
import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import { KlarnaProviderService } from "../klarna/core/klarna-provider"
import type { ProviderBrand } from "../../klarna/types/options"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"

/**
 * Klarna Checkout orders, which Kustom now runs: the same Order Management
 * (capture, refund, cancel, update, status, notifications) as Klarna's
 * provider, at Kustom's host with Kustom's credentials.
 */
export class KustomProviderService extends KlarnaProviderService {
  static identifier = "kustom"
  static brand: ProviderBrand = "kustom"

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (!data.klarna_order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A Kustom payment is started from a Kustom Checkout order: the Kustom provider manages existing Klarna Checkout orders."
      )
    }
    return super.initiatePayment(input)
  }
}
