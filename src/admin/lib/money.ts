/** Formats Klarna minor units for display, with the currency's own decimals. */
export function formatMinor(minor: number | undefined, currency: string | undefined): string {
  if (minor === undefined || !currency) {
    return "–"
  }
  const code = currency.toUpperCase()
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  const major = minor / 10 ** digits
  return `${new Intl.NumberFormat("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major)} ${code}`
}
