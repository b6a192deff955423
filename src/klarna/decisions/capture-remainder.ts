import { formatMinorUnits } from "../utils/currency"

/**
 * Why a capture of `requested` minor units is refused when `remaining` are
 * left to capture, or undefined when it fits. A capture is never silently
 * reduced to the remainder.
 */
export function captureRemainderRefusal(requested: number, remaining: number, currency: string): string | undefined {
  if (requested <= remaining) {
    return undefined
  }
  const fmt = (minor: number) => formatMinorUnits(minor, currency)
  if (remaining <= 0) {
    return `Cannot capture ${fmt(requested)}: nothing is left to capture on this order.`
  }
  return `Cannot capture ${fmt(requested)}: only ${fmt(remaining)} is left to capture on this order.`
}
