import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { klarnaPaymentOf } from "./orders"
import type { DemoStore } from "../../demo/seed-demo-store"
import { simulator } from "./simulator"
import { waitForKlarnaEvents } from "./events"

/**
 * Placing an order sets Klarna's merchant references in the background (order.placed): waited for
 * here, so a test sees only its own Klarna traffic and the order's lock is free (on Redis the
 * event is handled later than in-process).
 */
async function settleOrderPlacement(container: MedusaContainer, orderId: string, payment: any) {
  if (!payment?.data?.klarna_order_id) {
    return
  }
  await waitForKlarnaEvents(container, orderId, (e) => e.some((x) => x.action === "merchant_references"), 15_000, { withMerchantReferences: true })
}

export const KLARNA_PROVIDER_ID = "pp_klarna_klarna"
export const KUSTOM_PROVIDER_ID = "pp_kustom_kustom"

export interface PlacedOrder {
  order: any
  cart_id: string
  payment_session: any
  payment: any
  klarna_order_id: string
}

export function storeHeaders(store: DemoStore) {
  return { headers: { "x-publishable-api-key": store.publishable_key } }
}

export async function createCart(
  api: AxiosInstance,
  store: DemoStore,
  items: Array<{ variant_id: string; quantity: number }>
) {
  const headers = storeHeaders(store)
  const address = {
    first_name: "Testperson-se",
    last_name: "Approved",
    address_1: "Stårgatan 1",
    city: "Ankeborg",
    postal_code: "12345",
    country_code: "se",
    phone: "+46765260000",
  }
  const { data } = await api.post(
    "/store/carts",
    { region_id: store.region_id, email: "customer@example.com", shipping_address: address, billing_address: address, items },
    headers
  )
  await api.post(`/store/carts/${data.cart.id}/shipping-methods`, { option_id: store.shipping_option_id }, headers)
  return data.cart.id as string
}

export async function startKlarnaSession(
  api: AxiosInstance,
  store: DemoStore,
  cartId: string,
  data?: Record<string, unknown>,
  providerId = KLARNA_PROVIDER_ID
) {
  const headers = storeHeaders(store)
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  const { data: withSession } = await api
    .post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: providerId, ...(data ? { data } : {}) }, headers)
    .catch((e) => {
      throw new Error(`payment session for ${providerId} refused (${e.response?.status}): ${JSON.stringify(e.response?.data ?? e.message)}`)
    })
  const session = withSession.payment_collection.payment_sessions.find((s: any) => s.provider_id === providerId)
  return { payment_collection: withSession.payment_collection, session }
}

/** A Kustom Checkout payment session for the cart: `session.data.html_snippet` is what the storefront renders. */
export const startKustomSession = (api: AxiosInstance, store: DemoStore, cartId: string, data?: Record<string, unknown>) =>
  startKlarnaSession(api, store, cartId, data, KUSTOM_PROVIDER_ID)

/** The Kustom Checkout journey: cart → Kustom checkout → the shopper pays in it → the storefront's confirmation completes the cart. */
export async function placeKustomOrder(
  api: AxiosInstance,
  container: MedusaContainer,
  store: DemoStore,
  items: Array<{ variant_id: string; quantity: number }>
): Promise<PlacedOrder> {
  const cartId = await createCart(api, store, items)
  const { session } = await startKustomSession(api, store, cartId)
  const paid = await simulator().kustom.complete(session.data.kustom_checkout_order_id)
  if (!paid.completed) {
    throw new Error(`Kustom refused the purchase: ${JSON.stringify(paid.validation)}`)
  }
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders(store))
  if (data.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(data.error ?? data)}`)
  }
  const payment = await klarnaPaymentOf(container, data.order.id)
  await settleOrderPlacement(container, data.order.id, payment)
  return { order: data.order, cart_id: cartId, payment_session: session, payment, klarna_order_id: payment?.data?.klarna_order_id }
}

/** The whole storefront journey: cart → Klarna session → widget approval → token → complete. */
export async function placeKlarnaOrder(
  api: AxiosInstance,
  container: MedusaContainer,
  store: DemoStore,
  items: Array<{ variant_id: string; quantity: number }>,
  approval: Record<string, unknown> = {}
): Promise<PlacedOrder> {
  const headers = storeHeaders(store)
  const cartId = await createCart(api, store, items)
  const { session } = await startKlarnaSession(api, store, cartId)
  const { authorization_token } = await simulator().approve(session.data.klarna_session_id, approval)
  await api.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, { cart_id: cartId, authorization_token }, headers)
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (data.type !== "order") {
    throw new Error(`cart did not complete: ${JSON.stringify(data.error ?? data)}`)
  }
  const payment = await klarnaPaymentOf(container, data.order.id)
  await settleOrderPlacement(container, data.order.id, payment)
  return { order: data.order, cart_id: cartId, payment_session: session, payment, klarna_order_id: payment?.data?.klarna_order_id }
}
