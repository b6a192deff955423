import { MedusaService } from "@medusajs/framework/utils"
import { WooImportRecord } from "./models/woo-import-record"
import { WooImportRun } from "./models/woo-import-run"
import { WooOrderLink } from "./models/woo-order-link"

export class WooCommerceImportService extends MedusaService({ WooImportRun, WooImportRecord, WooOrderLink }) {}

export default WooCommerceImportService
