import type { KlarnaProviderOptions } from "../types/options"
import type { KlarnaPaymentData, KlarnaSessionInput } from "../types/payment-data"
import { signAuthorizationCallback } from "./callback-signature"
import { merchantData } from "./merchant-data"

/**
 * The merchant URLs Klarna is given for a payment session: the configured
 * ones, plus the notification URL and the signed authorization-callback URL
 * when the backend URL is known.
 */
export function klarnaMerchantUrls(options: KlarnaProviderOptions, paymentSessionId?: string): Record<string, string> | undefined {
  const base = options.backendUrl?.replace(/\/+$/, "")
  const urls: Record<string, string> = { ...(options.merchantUrls ?? {}) } as Record<string, string>
  if (base) {
    urls.notification = `${base}/hooks/payment/klarna_klarna`
    if (paymentSessionId) {
      const sig = signAuthorizationCallback(paymentSessionId, options)
      urls.authorization = `${base}/hooks/klarna/authorization?payment_session_id=${encodeURIComponent(paymentSessionId)}&sig=${sig}`
    }
  }
  return Object.keys(urls).length ? urls : undefined
}

/**
 * The create-order request for a session: identical on every call (for the
 * same options), so a replay of a used authorization token finds the order
 * Klarna already made.
 */
export function klarnaCreateOrderBody(options: KlarnaProviderOptions, data: KlarnaPaymentData, session: KlarnaSessionInput) {
  return {
    ...session,
    merchant_urls: klarnaMerchantUrls(options, data.session_id),
    merchant_data: merchantData({ session_id: data.session_id }),
  }
}
