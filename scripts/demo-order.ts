/**
 * `npm run demo:order`: places a real test order through the store API of the
 * running backend (`npm start`), paid with Klarna, and prints where to see it.
 */
import fs from "node:fs"
import path from "node:path"
import { placeDemoOrder } from "./lib/place-demo-order"

const dataDir = path.resolve(__dirname, "..", process.env.MEDUSA_KLARNA_DATA_DIR || ".data")

async function main() {
  const placed = await placeDemoOrder({ dataDir, paymentMethod: process.env.DEMO_PAYMENT_METHOD })
  const runtime = JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8"))
  if (!placed.order_id) {
    console.log(
      `Using the real Klarna API: load Klarna's widget with client_token\n${placed.client_token}\n` +
        `then POST {cart_id: "${placed.cart_id}", authorization_token} to /store/klarna/payment-sessions/${placed.payment_session_id}/authorization-token and complete the cart.`
    )
    return
  }
  console.log(`Order ${placed.order_id} (#${placed.display_id}) placed and authorized by Klarna.`)
  console.log(`Admin:  ${runtime.backend_url}/app/orders/${placed.order_id}`)
  console.log(`Klarna: ${runtime.simulator_url}/_sim/orders`)
}

main().catch((e) => {
  const detail = e?.response?.data ? ` ${JSON.stringify(e.response.data)}` : ""
  console.error(`demo:order failed: ${e.message}${detail}`)
  process.exit(1)
})
