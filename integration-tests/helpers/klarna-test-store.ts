import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { seedDemoStore } from "../../demo/seed-demo-store"
import { createAdmin } from "./admin"
import { simulator } from "./simulator"

/** Each test's starting point: the Swedish demo store, a logged-in admin, and a simulator without faults. */
export async function setUpKlarnaTestStore(api: AxiosInstance, container: MedusaContainer) {
  const store = await seedDemoStore(container)
  const admin = await createAdmin(api, container)
  await simulator().clearFaults()
  return { store, admin }
}
