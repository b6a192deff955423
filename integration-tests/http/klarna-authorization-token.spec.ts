import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import type { DemoStore } from "../../demo/seed-demo-store"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { createCart, KLARNA_PROVIDER_ID, placeKlarnaOrder, startKlarnaSession, storeHeaders } from "../helpers/checkout"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

type Headers = { headers: Record<string, string> }

const tokenUrl = (sessionId: string) => `/store/klarna/payment-sessions/${sessionId}/authorization-token`
const fail = (e: any) => {
  if (!e.response) {
    throw e
  }
  return e.response
}

const address = {
  first_name: "Testperson-se",
  last_name: "Approved",
  address_1: "Stårgatan 1",
  city: "Ankeborg",
  postal_code: "12345",
  country_code: "se",
  phone: "+46765260000",
}

/** Registers a store customer with an account and returns store headers carrying its bearer token. */
async function signUpCustomer(api: AxiosInstance, store: DemoStore, email: string): Promise<Headers> {
  const password = "Klarna-test-123"
  const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: "Customer" },
    { headers: { ...storeHeaders(store).headers, authorization: `Bearer ${registered.token}` } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return { headers: { ...storeHeaders(store).headers, authorization: `Bearer ${login.token}` } }
}

/** A cart with a Klarna session, created by the given store client (guest or signed-in customer). */
async function cartWithKlarnaSession(api: AxiosInstance, store: DemoStore, headers: Headers, email: string) {
  const variant_id = store.products.find((p) => p.sku === "TSHIRT-PINK")!.variant_id
  const { data } = await api.post(
    "/store/carts",
    { region_id: store.region_id, email, shipping_address: address, billing_address: address, items: [{ variant_id, quantity: 1 }] },
    headers
  )
  const cartId = data.cart.id as string
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: store.shipping_option_id }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  const { data: withSession } = await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: KLARNA_PROVIDER_ID },
    headers
  )
  const session = withSession.payment_collection.payment_sessions.find((s: any) => s.provider_id === KLARNA_PROVIDER_ID)
  return { cartId, session, payment_collection_id: pc.payment_collection.id as string, customer_id: data.cart.customer_id }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    const sim = simulator()

    beforeEach(async () => {
      ;({ store } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const tshirt = () => store.products.find((p) => p.sku === "TSHIRT-PINK")!

    describe("who may set the token", () => {
      it("refuses a caller who does not present the session's cart, and the shopper's checkout still completes", async () => {
        const shopper = storeHeaders(store)
        const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        const { session } = await startKlarnaSession(api, store, cartId)
        const { authorization_token } = await sim.approve(session.data.klarna_session_id, { payment_method_category: "pay_later" })
        const ok = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, shopper)
        expect(ok.status).toBe(200)

        // Another store client: same publishable key, knows the session id, but not the cart.
        const thief = storeHeaders(store)
        const bogus = "0b5e0b5e-0000-4000-8000-000000000000"
        const noCart = await api.post(tokenUrl(session.id), { authorization_token: bogus }, thief).catch(fail)
        expect(noCart.status).toBe(400)
        expect(noCart.data.message).toMatch(/cart_id/)

        const ownCartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        const otherCart = await api.post(tokenUrl(session.id), { cart_id: ownCartId, authorization_token: bogus }, thief).catch(fail)
        expect(otherCart.status).toBe(404)
        expect(otherCart.data.message).toBe(`Payment session ${session.id} was not found on cart ${ownCartId}.`)

        const unknownCart = await api
          .post(tokenUrl(session.id), { cart_id: "cart_01UNKNOWN", authorization_token: bogus }, thief)
          .catch(fail)
        expect(unknownCart.status).toBe(404)
        expect(JSON.stringify(unknownCart.data)).not.toContain(cartId)

        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, shopper)
        expect(data.type).toBe("order")
        expect(JSON.stringify(data)).not.toContain(authorization_token)
        const payment = await klarnaPaymentOf(getContainer(), data.order.id)
        expect((await sim.order(payment.data.klarna_order_id)).status).toBe("AUTHORIZED")
        expect(payment.data.authorization_token).toBeUndefined()
        expect(payment.data.sealed_authorization_token).toBeUndefined()
      })

      it("takes a registered customer's token only from that customer, signed in", async () => {
        const stamp = Date.now()
        const owner = await signUpCustomer(api, store, `owner-${stamp}@example.com`)
        const other = await signUpCustomer(api, store, `other-${stamp}@example.com`)
        const { cartId, session, customer_id } = await cartWithKlarnaSession(api, store, owner, `owner-${stamp}@example.com`)
        expect(customer_id).toEqual(expect.any(String))
        const { authorization_token } = await sim.approve(session.data.klarna_session_id, { payment_method_category: "pay_later" })

        const guest = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, storeHeaders(store)).catch(fail)
        expect(guest.status).toBe(401)
        expect(guest.data.message).toMatch(/belongs to a customer account/)

        const stranger = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, other).catch(fail)
        expect(stranger.status).toBe(403)

        const ok = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, owner)
        expect(ok.status).toBe(200)
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, owner)
        expect(data.type).toBe("order")
        const { data: mine } = await api.get(`/store/orders/${data.order.id}?fields=+customer_id`, owner)
        expect(mine.order.customer_id).toBe(customer_id)
      })

      it("leaves a completed cart's payment alone", async () => {
        const placed = await placeKlarnaOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        const res = await api
          .post(
            tokenUrl(placed.payment_session.id),
            { cart_id: placed.cart_id, authorization_token: "0b5e0b5e-0000-4000-8000-000000000001" },
            storeHeaders(store)
          )
          .catch(fail)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/already completed/)
      })
    })

    describe("the token is never returned", () => {
      it("is absent from the token route, the cart, the payment collection and the completion error", async () => {
        const headers = storeHeaders(store)
        const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        const { session, payment_collection } = await startKlarnaSession(api, store, cartId)
        // Klarna approves, then rejects the purchase at order creation: completion fails.
        const { authorization_token } = await sim.approve(session.data.klarna_session_id, {
          payment_method_category: "pay_later",
          fraud_status: "REJECTED",
        })

        const set = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, headers)
        expect(JSON.stringify(set.data)).not.toContain(authorization_token)

        const { data: cart } = await api.get(`/store/carts/${cartId}`, headers)
        const stored = cart.cart.payment_collection.payment_sessions.find((s: any) => s.id === session.id)
        expect(stored.data.client_token).toEqual(expect.any(String))
        expect(JSON.stringify(cart)).not.toContain(authorization_token)

        const { data: withData } = await api.get(
          `/store/carts/${cartId}?fields=+payment_collection.payment_sessions.data`,
          headers
        )
        expect(JSON.stringify(withData)).not.toContain(authorization_token)

        const { data: updated } = await api.post(`/store/carts/${cartId}`, { metadata: { note: "gift" } }, headers)
        expect(JSON.stringify(updated)).not.toContain(authorization_token)

        const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
        expect(JSON.stringify(collection)).not.toContain(authorization_token)

        const completion = await api.post(`/store/carts/${cartId}/complete`, {}, headers).catch(fail)
        expect(completion.data.type).not.toBe("order")
        expect(JSON.stringify(completion.data)).toMatch(/rejected/i)
        expect(JSON.stringify(completion.data)).not.toContain(authorization_token)
        const { data: afterFailure } = await api.get(`/store/carts/${cartId}`, headers)
        expect(afterFailure.cart.completed_at).toBeNull()
        expect(JSON.stringify(afterFailure)).not.toContain(authorization_token)

        // Starting over releases the unused authorization in Klarna: the provider can still read its token.
        const { data: restarted } = await api.post(
          `/store/payment-collections/${payment_collection.id}/payment-sessions`,
          { provider_id: KLARNA_PROVIDER_ID },
          headers
        )
        expect(JSON.stringify(restarted)).not.toContain(authorization_token)
        const released = (await sim.requests(`/authorizations/${authorization_token}`)).filter((r: any) => r.method === "DELETE")
        expect(released).toHaveLength(1)
      })
    })

    describe("malformed input", () => {
      it("answers 400, never 500, for tokens and ids outside Klarna's and Medusa's character sets", async () => {
        const headers = storeHeaders(store)
        const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
        const { session } = await startKlarnaSession(api, store, cartId)
        const good = "0b5e0b5e-0000-4000-8000-000000000002"

        for (const authorization_token of ["abc\u0000def", "abc\r\ndef", "abc\ndef", "abc def", ` ${good}`, "abc\tdef", "x".repeat(257), ""]) {
          const res = await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, headers).catch(fail)
          expect({ token: authorization_token, status: res.status }).toEqual({ token: authorization_token, status: 400 })
        }
        for (const cart_id of [`${cartId}\u0000`, `${cartId}\r\n`, "cart x"]) {
          const res = await api.post(tokenUrl(session.id), { cart_id, authorization_token: good }, headers).catch(fail)
          expect({ cart_id, status: res.status }).toEqual({ cart_id, status: 400 })
        }
        for (const id of [`${session.id}%00`, `${session.id}%0D%0A`, "payses%20x"]) {
          const res = await api.post(tokenUrl(id), { cart_id: cartId, authorization_token: good }, headers).catch(fail)
          expect({ id, status: res.status }).toEqual({ id, status: 400 })
        }
        const hook = await api
          .post(`/hooks/klarna/authorization?payment_session_id=${session.id}%00`, { authorization_token: good, session_id: "x" })
          .catch(fail)
        expect(hook.status).toBe(400)

        // Nothing above was stored: the real approval still completes the cart.
        const { authorization_token } = await sim.approve(session.data.klarna_session_id, { payment_method_category: "pay_later" })
        await api.post(tokenUrl(session.id), { cart_id: cartId, authorization_token }, headers)
        const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
        expect(data.type).toBe("order")
      })
    })
  },
})
