import type { SettlementSimulatorOptions } from "../types"

export interface SettlementConfig {
  /** Basis points of each sale charged as a fee (290 = 2.90 %). */
  feePercentBp: number
  /** Minor units charged per sale on top. */
  fixedFeeMinor: number
  /** A capture/refund is paid out this many days after it happened. */
  payoutDelayDays: number
}

const nonNegativeInt = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < 0) throw new Error(`settlements.${name} must be a non-negative integer`)
  return value
}

export function resolveSettlementConfig(opts: SettlementSimulatorOptions = {}): SettlementConfig {
  return {
    feePercentBp: nonNegativeInt("feePercentBp", opts.feePercentBp, 290),
    fixedFeeMinor: nonNegativeInt("fixedFeeMinor", opts.fixedFeeMinor, 0),
    payoutDelayDays: nonNegativeInt("payoutDelayDays", opts.payoutDelayDays, 7),
  }
}
