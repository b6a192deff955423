import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { KlarnaProviderService } from "../klarna/core/klarna-provider"
import type { ProviderBrand } from "../../klarna/types/options"
import type { KlarnaPaymentData } from "../../klarna/types/payment-data"
import { toMinorUnits } from "../../klarna/utils/currency"
import { startKustomCheckout } from "./checkout-session"
import { authorizeKustomCheckout } from "./checkout-authorization"

/**
 * Klarna Checkout, which Kustom now runs. A storefront pays in Kustom's
 * checkout (the session's `html_snippet`); the order it becomes is managed
 * (capture, refund, cancel, update, notifications) exactly as a Klarna
 * Payments order, at Kustom's host with Kustom's credentials.
 */
export class KustomProviderService extends KlarnaProviderService {
  static identifier = "kustom"
  static brand: ProviderBrand = "kustom"

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id) {
      // An imported Klarna Checkout order, or one re-attached after an order edit.
      return super.initiatePayment(input)
    }
    return startKustomCheckout(this.client_, this.options_, data, toMinorUnits(input.amount, input.currency_code))
  }

  /** A changed cart: the checkout order follows while the shopper has not paid in it. */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id || !data.kustom_checkout) {
      return { data }
    }
    const keep = { ...data.kustom_checkout, checkout_order_id: data.kustom_checkout_order_id }
    const started = await startKustomCheckout(this.client_, this.options_, { ...data, kustom_checkout: keep }, toMinorUnits(input.amount, input.currency_code))
    return { data: started.data }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id) {
      return super.authorizePayment(input)
    }
    const amount = data.kustom_checkout?.order_amount ?? -1
    return authorizeKustomCheckout(this.client_, data, amount)
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id) {
      return super.getPaymentStatus(input)
    }
    return { status: PaymentSessionStatus.PENDING, data }
  }

  /**
   * A replaced session leaves its checkout order to the next session of the
   * cart (the storefront keeps showing it); an unused one expires at Kustom
   * 48 hours after its last change.
   */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }
}
