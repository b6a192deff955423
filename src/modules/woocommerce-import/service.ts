import { MedusaService } from "@medusajs/framework/utils"
import { WooImportRecord } from "./models/woo-import-record"
import { WooImportRun } from "./models/woo-import-run"
import { WooOrderLink } from "./models/woo-order-link"
import { WooImportExclusion } from "./models/woo-import-exclusion"

export class WooCommerceImportService extends MedusaService({ WooImportRun, WooImportRecord, WooOrderLink, WooImportExclusion }) {}

export default WooCommerceImportService
