/**
 * `npm run demo:order`: places a real test order through the store API of the
 * running backend (`npm start`), paid with Klarna, and prints where to see it.
 */
import fs from "node:fs"
import path from "node:path"
import axios from "axios"

const root = path.resolve(__dirname, "..")
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, ".data", f), "utf8"))

async function main() {
  if (!fs.existsSync(path.join(root, ".data", "runtime.json"))) {
    throw new Error("Start the backend first with `npm start` (no .data/runtime.json yet).")
  }
  const runtime = read("runtime.json") as { backend_url: string; simulator_url: string | null }
  const demo = read("demo-store.json") as { region_id: string; publishable_key: string; shipping_option_id: string; products: Array<{ variant_id: string; title: string }> }
  const store = axios.create({ baseURL: runtime.backend_url, headers: { "x-publishable-api-key": demo.publishable_key } })
  const address = { first_name: "Testperson-se", last_name: "Approved", address_1: "Stårgatan 1", city: "Ankeborg", postal_code: "12345", country_code: "se", phone: "+46765260000" }

  const { data: created } = await store.post("/store/carts", {
    region_id: demo.region_id,
    email: "customer@example.com",
    shipping_address: address,
    billing_address: address,
    items: demo.products.slice(0, 2).map((p, i) => ({ variant_id: p.variant_id, quantity: i + 1 })),
  })
  const cartId = created.cart.id
  await store.post(`/store/carts/${cartId}/shipping-methods`, { option_id: demo.shipping_option_id })
  const { data: pc } = await store.post("/store/payment-collections", { cart_id: cartId })
  const { data: withSession } = await store.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
    provider_id: "pp_klarna_klarna",
  })
  const session = withSession.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_klarna_klarna")
  console.log(`Klarna session ${session.data.klarna_session_id} for ${session.data.klarna_session.order_amount} minor units`)

  if (!runtime.simulator_url) {
    console.log(`Using the real Klarna API: load Klarna's widget with client_token\n${session.data.client_token}\n` +
      `then POST the authorization_token to /store/klarna/payment-sessions/${session.id}/authorization-token and complete cart ${cartId}.`)
    return
  }
  const { data: approval } = await axios.post(`${runtime.simulator_url}/_sim/sessions/${session.data.klarna_session_id}/approve`, {
    payment_method_category: process.env.DEMO_PAYMENT_METHOD || "pay_later",
  })
  await store.post(`/store/klarna/payment-sessions/${session.id}/authorization-token`, { authorization_token: approval.authorization_token })
  const { data: completed } = await store.post(`/store/carts/${cartId}/complete`, {})
  if (completed.type !== "order") {
    throw new Error(`The cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  console.log(`Order ${completed.order.id} (#${completed.order.display_id}) placed and authorized by Klarna.`)
  console.log(`Admin:  ${runtime.backend_url}/app/orders/${completed.order.id}`)
  console.log(`Klarna: ${runtime.simulator_url}/_sim/orders`)
}

main().catch((e) => {
  const detail = e?.response?.data ? ` ${JSON.stringify(e.response.data)}` : ""
  console.error(`demo:order failed: ${e.message}${detail}`)
  process.exit(1)
})
