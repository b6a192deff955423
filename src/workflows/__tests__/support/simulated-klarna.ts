import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer } from "@medusajs/framework/utils"
import { startHarness, type Harness } from "../../../../klarna-simulator/__tests__/support/harness"

/**
 * A container for running the plugin's workflows against the Klarna simulator over real HTTP: the
 * Payment module's configuration names the Klarna provider (the one way steps reach Klarna's
 * client), plus whatever in-memory collaborators a test registers.
 */
export async function simulatedKlarna(credentials = { username: "sim_user", password: "sim_password" }) {
  const harness: Harness = await startHarness()
  const containerWith = (registrations: Record<string, unknown> = {}, password = credentials.password) => {
    const container = createMedusaContainer()
    const configModule = {
      projectConfig: {},
      modules: {
        payment: {
          resolve: "@medusajs/medusa/payment",
          options: {
            providers: [
              { resolve: "./src/providers/klarna", id: "klarna", options: { baseUrl: harness.sim.url, username: credentials.username, password, maxRetries: 0 } },
            ],
          },
        },
      },
    }
    container.register(ContainerRegistrationKeys.CONFIG_MODULE, asValue(configModule))
    container.register(ContainerRegistrationKeys.LOGGER, asValue({ info() {}, warn() {}, error() {}, debug() {} }))
    for (const [key, value] of Object.entries(registrations)) container.register(key, asValue(value))
    return container
  }
  return { harness, containerWith, stop: () => harness.sim.close() }
}
