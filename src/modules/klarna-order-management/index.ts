import { Module } from "@medusajs/framework/utils"
import { KlarnaOrderManagementService } from "./service"

export const KLARNA_ORDER_MANAGEMENT_MODULE = "klarnaOrderManagement"

export default Module(KLARNA_ORDER_MANAGEMENT_MODULE, { service: KlarnaOrderManagementService })

export * from "./types/settings"
export * from "./types/events"
export { KlarnaOrderManagementService }
