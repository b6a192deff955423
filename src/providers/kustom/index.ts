import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { KustomProviderService } from "./kustom-provider"

export { KustomProviderService }
export default ModuleProvider(Modules.PAYMENT, { services: [KustomProviderService] })
