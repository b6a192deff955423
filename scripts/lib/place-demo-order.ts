import fs from "node:fs"
import path from "node:path"
import axios from "axios"

export interface PlacedDemoOrder {
  order_id?: string
  display_id?: number
  cart_id: string
  klarna_session_id: string
  client_token: string
  payment_session_id: string
}

/**
 * Places an order through the store API of a running backend, paid with Klarna.
 * Against the simulator the widget's approval is done by the simulator's
 * control API; against real Klarna it stops at the client token.
 */
export async function placeDemoOrder(opts: { dataDir: string; paymentMethod?: string; quantities?: number[] }): Promise<PlacedDemoOrder> {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(opts.dataDir, f), "utf8"))
  if (!fs.existsSync(path.join(opts.dataDir, "runtime.json"))) {
    throw new Error("Start the backend first with `npm start` (no runtime.json yet).")
  }
  const runtime = read("runtime.json") as { backend_url: string; simulator_url: string | null }
  const demo = read("demo-store.json") as { region_id: string; publishable_key: string; shipping_option_id: string; products: Array<{ variant_id: string }> }
  const store = axios.create({ baseURL: runtime.backend_url, headers: { "x-publishable-api-key": demo.publishable_key } })
  const address = { first_name: "Testperson-se", last_name: "Approved", address_1: "Stårgatan 1", city: "Ankeborg", postal_code: "12345", country_code: "se", phone: "+46765260000" }
  const quantities = opts.quantities ?? [1, 2]
  const { data: created } = await store.post("/store/carts", {
    region_id: demo.region_id,
    email: "customer@example.com",
    shipping_address: address,
    billing_address: address,
    items: quantities.map((quantity, i) => ({ variant_id: demo.products[i].variant_id, quantity })).filter((i) => i.quantity > 0),
  })
  const cartId = created.cart.id
  await store.post(`/store/carts/${cartId}/shipping-methods`, { option_id: demo.shipping_option_id })
  const { data: pc } = await store.post("/store/payment-collections", { cart_id: cartId })
  const { data: withSession } = await store.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
    provider_id: "pp_klarna_klarna",
  })
  const session = withSession.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_klarna_klarna")
  const placed: PlacedDemoOrder = {
    cart_id: cartId,
    klarna_session_id: session.data.klarna_session_id,
    client_token: session.data.client_token,
    payment_session_id: session.id,
  }
  if (!runtime.simulator_url) {
    return placed
  }
  const { data: approval } = await axios.post(`${runtime.simulator_url}/_sim/sessions/${placed.klarna_session_id}/approve`, {
    payment_method_category: opts.paymentMethod ?? "pay_later",
  })
  await store.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, {
    cart_id: cartId,
    authorization_token: approval.authorization_token,
  })
  const { data: completed } = await store.post(`/store/carts/${cartId}/complete`, {})
  if (completed.type !== "order") {
    throw new Error(`The cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return { ...placed, order_id: completed.order.id, display_id: completed.order.display_id }
}
