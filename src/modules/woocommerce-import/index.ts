import { Module } from "@medusajs/framework/utils"
import { WooCommerceImportService } from "./service"

export const WOOCOMMERCE_IMPORT_MODULE = "woocommerceImport"

export default Module(WOOCOMMERCE_IMPORT_MODULE, { service: WooCommerceImportService })

export { WooCommerceImportService }
