import { Module } from "@medusajs/framework/utils"
import { KlarnaSettlementsService } from "./service"

export const KLARNA_SETTLEMENTS_MODULE = "klarnaSettlements"

export default Module(KLARNA_SETTLEMENTS_MODULE, { service: KlarnaSettlementsService })

export * from "./types/options"
export * from "./types/match-states"
export { KlarnaSettlementsService }
export type { KlarnaPayoutRow, KlarnaSettlementTransactionRow } from "./service"
