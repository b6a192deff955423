import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { signAuthorizationCallback } from "../../src/klarna/decisions/callback-signature"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { createCart, startKlarnaSession, storeHeaders } from "../helpers/checkout"
import { simulator } from "../helpers/simulator"

jest.setTimeout(120_000)

/** The credentials the test app's provider uses (integration-tests/global-setup.ts). */
const providerOptions = { username: "sim_user", password: "sim_password" } as any

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    const sim = simulator()

    beforeEach(async () => {
      ;({ store } = await setUpKlarnaTestStore(api, getContainer()))
    })

    async function approvedSession() {
      const variant = store.products.find((p) => p.sku === "TSHIRT-PINK")!.variant_id
      const cartId = await createCart(api, store, [{ variant_id: variant, quantity: 1 }])
      const { session } = await startKlarnaSession(api, store, cartId)
      const { authorization_token } = await sim.approve(session.data.klarna_session_id)
      return { cartId, session, authorization_token }
    }
    const callback = (query: string, body: Record<string, unknown>) =>
      api.post(`/hooks/klarna/authorization?${query}`, body).catch((e) => e.response)
    const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders(store)).catch((e) => e.response)

    it("a forged callback (no signature, or a wrong one) cannot set a shopper's token", async () => {
      const { cartId, session } = await approvedSession()
      const body = { authorization_token: "forged-token-0000", session_id: session.data.klarna_session_id }
      expect((await callback(`payment_session_id=${session.id}`, body)).status).toBe(400)
      const wrong = signAuthorizationCallback("payses_someone_else", providerOptions)
      const forged = await callback(`payment_session_id=${session.id}&sig=${wrong}`, body)
      expect(forged.status).toBe(401)
      expect(forged.data.message).toBe("This authorization callback is not one the Klarna plugin asked for.")
      const completed = await complete(cartId)
      expect(completed.data.type).not.toBe("order")
      expect(JSON.stringify(completed.data)).toMatch(/not approved the Klarna payment yet/)
    })

    it("Klarna's genuine callback to the signed URL sets the token, and the checkout completes", async () => {
      const { cartId, session, authorization_token } = await approvedSession()
      const sig = signAuthorizationCallback(session.id, providerOptions)
      const res = await callback(`payment_session_id=${session.id}&sig=${sig}`, {
        authorization_token,
        session_id: session.data.klarna_session_id,
      })
      expect(res.status).toBe(200)
      const completed = await complete(cartId)
      expect(completed.data.type).toBe("order")
    })
  },
})
