/**
 * Meta keys whose values must never leave the WooCommerce side: per-order
 * Klarna credentials (`_wc_klarna_shared_secret`, `_wc_klarna_merchant_id`),
 * recurring tokens (`_kco_recurring_token`, `_klarna_payments_recurring_token`),
 * KP session payloads (`_kp_session_data` holds the client token), and anything
 * that looks like a password, key or signature.
 *
 * The importer copies meta by WHITELIST only; this check is the second line of
 * defence for the few places that copy display meta (line item options).
 */
const SENSITIVE_KEY_PATTERN =
  /secret|passw|passwd|pwd|token|api[_-]?key|private[_-]?key|credential|signature|session_data|merchant_id|auth(?:orization|_key|_code)?(?:$|_)/i

export function isSensitiveMetaKey(key: unknown): boolean {
  return typeof key !== "string" || SENSITIVE_KEY_PATTERN.test(key)
}
