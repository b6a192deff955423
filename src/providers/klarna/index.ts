import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { KlarnaProviderService } from "./core/klarna-provider"

export { KlarnaProviderService }
export default ModuleProvider(Modules.PAYMENT, { services: [KlarnaProviderService] })
