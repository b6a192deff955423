import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"
import { DEMO_ADMIN, DEMO_STORE_NAMES } from "./demo-store-names"
import { seedDemoStore } from "./seed-demo-store"

/**
 * `medusa exec ./demo/seed.ts`: what the main command runs when the database lacks the demo
 * store or its admin. Each is decided from the database: the store is seeded when it has no
 * demo sales channel, the admin created when it has no such user or login; the rest is left alone.
 */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: DEMO_STORE_NAMES.salesChannel })
  if (existing) {
    logger.info("Demo store already in the database")
  } else {
    const store = await seedDemoStore(container)
    logger.info(`Demo store seeded: region ${store.region_id}, publishable key ${store.publishable_key}`)
  }
  await ensureDemoAdmin(container, DEMO_ADMIN.email, DEMO_ADMIN.password)
}

/** The admin user and its email/password login, each created only when missing (like `medusa user`). */
export async function ensureDemoAdmin(container: MedusaContainer, email: string, password: string) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  let [user] = await users.listUsers({ email })
  if (!user) {
    const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
    user = result[0]
  }
  const [identity] = await auth.listAuthIdentities({ provider_identities: { entity_id: email, provider: "emailpass" } } as any)
  if (identity) {
    if (!identity.app_metadata?.user_id) {
      await auth.updateAuthIdentities({ id: identity.id, app_metadata: { ...identity.app_metadata, user_id: user.id } })
    }
    logger.info(`Admin user ${email} already in the database`)
    return
  }
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not create the admin login for ${email}: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  logger.info(`Admin user ${email} created`)
}
