import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"

/**
 * Creates an admin user the way Medusa does (emailpass registration, then a
 * user linked to the auth identity) and logs in through the real auth route.
 */
export async function createAdmin(api: AxiosInstance, container: MedusaContainer, email = "admin@medusa-test.com") {
  const password = "supersecret-test"
  const registered = await api.post("/auth/user/emailpass/register", { email, password })
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name: "Test", last_name: "Admin" })
  const [identity] = await authModule.listAuthIdentities({ provider_identities: { entity_id: email } } as any)
  await authModule.updateAuthIdentities({ id: identity.id, app_metadata: { user_id: user.id } })
  expect(registered.status).toBe(200)
  const login = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${login.data.token}` }, user }
}
