/** Formats Klarna minor units for display, with the currency's own decimals ("1 250,00 SEK"). */
export function formatMinor(minor: number | undefined | null, currency: string | undefined | null): string {
  if (minor === undefined || minor === null || !currency) {
    return "–"
  }
  const code = currency.toUpperCase()
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  const sign = minor < 0 ? "-" : ""
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0")
  const whole = digits ? abs.slice(0, -digits) : abs
  const fraction = digits ? `,${abs.slice(-digits)}` : ""
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ")}${fraction} ${code}`
}

export const daysUntil = (iso?: string) => (iso ? Math.floor((new Date(iso).getTime() - Date.now()) / 86_400_000) : undefined)
