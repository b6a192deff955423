import type { SettlementConfig } from "./settlement-config"

/** The percentage fee on a sale, rounded half up to whole minor units (integers only). */
export function percentageFee(saleMinor: number, config: SettlementConfig): number {
  return Math.floor((saleMinor * config.feePercentBp + 5_000) / 10_000)
}
