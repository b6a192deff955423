/** What the provider keeps in a Klarna (or Kustom checkout) order's merchant_data: the Medusa payment session, and the cart for Kustom. */
export function merchantData(ids: { session_id?: string; cart_id?: string }): string {
  return JSON.stringify({
    ...(ids.cart_id ? { medusa_cart_id: ids.cart_id } : {}),
    ...(ids.session_id ? { medusa_payment_session_id: ids.session_id } : {}),
  })
}

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
