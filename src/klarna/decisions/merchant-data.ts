/** The Medusa payment session id the provider stores in a Klarna order's merchant_data. */
export function sessionIdFromMerchantData(merchantData?: string | null): string | undefined {
  if (!merchantData) {
    return undefined
  }
  try {
    const parsed = JSON.parse(merchantData)
    return typeof parsed?.medusa_payment_session_id === "string" ? parsed.medusa_payment_session_id : undefined
  } catch {
    return undefined
  }
}
