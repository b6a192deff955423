import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The secret a run's WooCommerce credentials are sealed with: the server's JWT
 * secret, the same in every process of one deployment. Undefined when none is
 * configured (the run is then not resumable after a restart).
 */
export function importServerSecret(container: MedusaContainer): string | undefined {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { projectConfig?: { http?: { jwtSecret?: string } } }
  const secret = config.projectConfig?.http?.jwtSecret
  return secret ? secret : undefined
}
