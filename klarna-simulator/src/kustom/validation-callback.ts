import { expandUrl, postCallback } from "../notify"

export interface ValidationAnswer {
  status?: number
  location?: string
  error?: string
}

export interface ValidationVerdict {
  accepted: boolean
  answer: ValidationAnswer
}

/**
 * Kustom's final check before the purchase: the checkout order is POSTed to
 * merchant_urls.validation. A 2xx answer approves it; a redirect (301/302/303/307 with
 * Location), a 4xx, a 5xx or no answer in time refuses it.
 */
export async function askMerchantToValidate(template: string, orderId: string, order: unknown, timeoutMs: number): Promise<ValidationVerdict> {
  const result = await postCallback(expandUrl(template, { orderId }), order, timeoutMs)
  const answer: ValidationAnswer = {}
  if (result.status !== undefined) answer.status = result.status
  if (result.location) answer.location = result.location
  if (result.error) answer.error = result.error
  return { accepted: result.delivered, answer }
}
