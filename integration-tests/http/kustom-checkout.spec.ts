import { execFileSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import axios from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createInventoryItemsWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoStore } from "../../demo/seed-demo-store"
import { signKustomCallback } from "../../src/klarna/kustom/callback-signature"
import { parseKlarnaProviderOptions } from "../../src/klarna/types/options"
import { kustomProviderOptionsFromEnv } from "../../src/config/klarna-env"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { createCart, placeKustomOrder, startKustomSession, storeHeaders } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { klarnaPaymentOf } from "../helpers/orders"
import { simulator } from "../helpers/simulator"
import { receiveReturnOfOneTshirt } from "../helpers/returns"
import { recheckPendingFraudReviews } from "../../src/workflows/recheck-klarna-fraud-reviews"

jest.setTimeout(180_000)

// Kustom calls this app back (validation, push): it listens on a known port, named in its public URL.
const port = Number(
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString()
)
const previousEnv = { PORT: process.env.PORT, KUSTOM_BACKEND_URL: process.env.KUSTOM_BACKEND_URL }
process.env.PORT = String(port)
process.env.KUSTOM_BACKEND_URL = `http://127.0.0.1:${port}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    const sim = simulator()
    const kustomOptions = () => parseKlarnaProviderOptions(kustomProviderOptionsFromEnv(process.env), "kustom")

    afterAll(() => {
      for (const [key, value] of Object.entries(previousEnv)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    })

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const tshirt = () => store.products.find((p) => p.sku === "TSHIRT-PINK")!
    const coffee = () => store.products.find((p) => p.sku === "COFFEE-500")!
    const headers = () => storeHeaders(store)
    const pushUrl = (cartId: string, checkoutOrderId: string, sig = signKustomCallback(cartId, kustomOptions())) =>
      `/hooks/kustom/push?cart_id=${cartId}&sig=${sig}&checkout_order_id=${checkoutOrderId}`
    const ordersOfCart = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order", fields: ["id", "total"], filters: {} })
      const links = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id: cartId } })
      const orderId = (links.data[0] as any)?.order?.id
      return (data as any[]).filter((o) => o.id === orderId)
    }
    const kustomRequests = async (orderId: string) => (await sim.requests(orderId)) as Array<{ method: string; path: string }>
    const acknowledgements = async (orderId: string) => (await kustomRequests(orderId)).filter((r) => r.path.endsWith("/acknowledge"))

    it("creates the checkout order at Kustom from the cart on the server and gives the storefront its html_snippet", async () => {
      const cartId = await createCart(api, store, [
        { variant_id: tshirt().variant_id, quantity: 2 },
        { variant_id: coffee().variant_id, quantity: 1 },
      ])
      // A storefront's own lines or amount are ignored.
      const { session } = await startKustomSession(api, store, cartId, { order_amount: 1, order_lines: [{ name: "forged" }] })
      expect(session.data.html_snippet).toEqual(expect.stringContaining("<"))
      const checkoutId = session.data.kustom_checkout_order_id
      const checkout = (await sim.kustom.api.get(`/checkout/v3/orders/${checkoutId}`)).data
      // 2 × 299,00 + 89,90 + shipping 49,00 = 736,90 SEK
      expect(checkout).toEqual(expect.objectContaining({ status: "checkout_incomplete", order_amount: 73690, purchase_currency: "SEK", merchant_reference2: cartId }))
      expect(checkout.merchant_urls.push).toContain(`/hooks/kustom/push?cart_id=${cartId}&sig=`)
      expect(checkout.merchant_urls.validation).toContain(`/hooks/kustom/validation?cart_id=${cartId}&sig=`)
      // Only Kustom's host was used.
      const created = (await sim.requests("/checkout/v3/orders")) as any[]
      expect(created.filter((r) => r.path.includes(checkoutId) || r.method === "POST").every((r) => r.path.startsWith("/kustom/"))).toBe(true)
    })

    it("keeps the storefront's checkout order in step when the cart changes, and never adopts another cart's", async () => {
      const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: coffee().variant_id, quantity: 1 }, headers())
      const { session: again } = await startKustomSession(api, store, cartId, { checkout_order_id: checkoutId })
      expect(again.data.kustom_checkout_order_id).toBe(checkoutId)
      const updated = (await sim.kustom.api.get(`/checkout/v3/orders/${checkoutId}`)).data
      expect(updated.order_amount).toBe(29900 + 8990 + 4900)
      expect(updated.order_lines.map((l: any) => l.reference)).toEqual(expect.arrayContaining(["TSHIRT-PINK", "COFFEE-500"]))
      // It names the session now showing it: the one Kustom's fraud decision will authorize.
      expect(JSON.parse(updated.merchant_data)).toEqual({ medusa_cart_id: cartId, medusa_payment_session_id: again.id })
      expect(again.id).not.toBe(session.id)

      // Another shopper's cart naming this checkout gets a checkout of its own.
      const otherCart = await createCart(api, store, [{ variant_id: coffee().variant_id, quantity: 1 }])
      const { session: other } = await startKustomSession(api, store, otherCart, { checkout_order_id: checkoutId })
      expect(other.data.kustom_checkout_order_id).not.toBe(checkoutId)
      expect((await sim.kustom.api.get(`/checkout/v3/orders/${checkoutId}`)).data.order_amount).toBe(29900 + 8990 + 4900)
      // A malformed id is refused before anything is created.
      const bad = await api
        .post(`/store/payment-collections/${again.payment_collection_id}/payment-sessions`, { provider_id: "pp_kustom_kustom", data: { checkout_order_id: "../x" } }, headers())
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
    })

    it("end to end: the shopper pays, the push places the order once, the confirmation finds it, the order is acknowledged once", async () => {
      const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 2 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      const paid = await sim.kustom.complete(checkoutId)
      expect(paid).toEqual(expect.objectContaining({ completed: true, order_id: checkoutId }))

      // Kustom's push arrives before the shopper's browser: it places the order.
      const first = await sim.kustom.push(checkoutId)
      expect(first).toEqual(expect.objectContaining({ delivered: true, status: 200 }))
      const [order] = await ordersOfCart(cartId)
      expect(order).toBeDefined()
      // The push repeats; the storefront's confirmation completes the cart: the same order.
      await sim.kustom.push(checkoutId)
      const { data: confirmed } = await api.post(`/store/carts/${cartId}/complete`, {}, headers())
      expect(confirmed.type).toBe("order")
      expect(confirmed.order.id).toBe(order.id)
      expect(await ordersOfCart(cartId)).toHaveLength(1)

      const payment = await klarnaPaymentOf(getContainer(), order.id)
      expect(payment).toEqual(expect.objectContaining({ provider_id: "pp_kustom_kustom", amount: 29900 * 2 / 100 + 49 }))
      expect(payment.data).toEqual(expect.objectContaining({ klarna_order_id: checkoutId, payment_method: "klarna_checkout" }))
      expect((await sim.order(checkoutId)).sim.acknowledged).toBe(true)
      expect(await acknowledgements(checkoutId)).toHaveLength(1)
      // One event-log entry for the pushes, on the order.
      const events = await waitForKlarnaEvents(getContainer(), order.id, (e) => e.some((x) => x.operation_key === `kustom-push:${checkoutId}`))
      expect(events.filter((e) => e.operation_key === `kustom-push:${checkoutId}`)).toEqual([
        expect.objectContaining({ outcome: "succeeded", action: "authorize", klarna_order_id: checkoutId }),
      ])
    })

    it("the confirmation racing two pushes makes one order and one acknowledgement", async () => {
      const cartId = await createCart(api, store, [{ variant_id: coffee().variant_id, quantity: 3 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      expect((await sim.kustom.complete(checkoutId)).completed).toBe(true)
      const results = await Promise.allSettled([
        api.post(`/store/carts/${cartId}/complete`, {}, headers()),
        api.post(pushUrl(cartId, checkoutId), undefined),
        api.post(pushUrl(cartId, checkoutId), undefined),
      ])
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"])
      const orders = await ordersOfCart(cartId)
      expect(orders).toHaveLength(1)
      const complete = (results[0] as PromiseFulfilledResult<any>).value.data
      expect(complete.type === "order" ? complete.order.id : orders[0].id).toBe(orders[0].id)
      expect(await acknowledgements(checkoutId)).toHaveLength(1)
      const payment = await klarnaPaymentOf(getContainer(), orders[0].id)
      expect(Math.round(Number(payment.amount) * 100)).toBe((await sim.order(checkoutId)).order_amount)
    })

    it("Kustom's validation callback refuses a cart that changed after the checkout was shown", async () => {
      const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      // The cart changes in another tab; the shown checkout still says one t-shirt.
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: coffee().variant_id, quantity: 2 }, headers())
      const refused = await sim.kustom.complete(checkoutId)
      expect(refused.completed).toBe(false)
      expect(refused.validation).toEqual(expect.objectContaining({ status: 303, location: expect.stringContaining("kustom_refused=cart_changed") }))
      expect((await sim.kustom.checkout(checkoutId)).status).toBe("checkout_incomplete")
      expect(await ordersOfCart(cartId)).toHaveLength(0)
    })

    it("the validation callback refuses a cart the stock no longer covers", async () => {
      const cartId = await createCart(api, store, [{ variant_id: coffee().variant_id, quantity: 2 }])
      const { session } = await startKustomSession(api, store, cartId)
      // One bag left: the coffee's stock becomes managed, at the sales channel's stock location.
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: {} })
      const locationId = (channels as any[]).flatMap((c) => c.stock_locations ?? [])[0]?.id
      expect(locationId).toEqual(expect.any(String))
      const {
        result: [item],
      } = await createInventoryItemsWorkflow(container).run({
        input: { items: [{ sku: "COFFEE-500-STOCK", location_levels: [{ location_id: locationId, stocked_quantity: 1 }] }] },
      })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.PRODUCT]: { variant_id: coffee().variant_id },
        [Modules.INVENTORY]: { inventory_item_id: item.id },
      })
      await container.resolve(Modules.PRODUCT).updateProductVariants(coffee().variant_id, { manage_inventory: true })
      const refused = await sim.kustom.complete(session.data.kustom_checkout_order_id)
      expect(refused.completed).toBe(false)
      expect(refused.validation?.location).toContain("kustom_refused=out_of_stock")
    })

    it("a push for a purchase Medusa cannot place is listed for the merchant once, and the Kustom order is left unacknowledged", async () => {
      const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      expect((await sim.kustom.complete(checkoutId)).completed).toBe(true)
      // The cart changes after the shopper paid (Medusa drops the paid session): it cannot become that purchase.
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: coffee().variant_id, quantity: 1 }, headers())
      await sim.kustom.push(checkoutId)
      await sim.kustom.push(checkoutId)
      const entries = (await klarnaEvents(getContainer(), cartId)).filter((e) => e.operation_key === `kustom-push:${checkoutId}`)
      expect(entries).toEqual([expect.objectContaining({ outcome: "failed", attention: true, klarna_order_id: checkoutId })])
      expect(entries[0].message).toContain("the cart changed after the shopper paid")
      const { data } = await api.get("/admin/klarna/attention", admin)
      expect(data.events.map((e: any) => e.id)).toContain(entries[0].id)
      expect(await ordersOfCart(cartId)).toHaveLength(0)
      expect((await sim.order(checkoutId)).sim.acknowledged).toBeFalsy()
    })

    it("refuses a push or validation whose URL this server did not sign, and a malformed one, with 4xx", async () => {
      const cartId = await createCart(api, store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const otherCart = await createCart(api, store, [{ variant_id: coffee().variant_id, quantity: 1 }])
      const forged = await api.post(pushUrl(cartId, "00000000-0000-4000-8000-000000000000", signKustomCallback(otherCart, kustomOptions()))).catch((e) => e.response)
      expect(forged.status).toBe(401)
      const malformed = await api.post(`/hooks/kustom/push?cart_id=${cartId}%0A&sig=x&checkout_order_id=y`).catch((e) => e.response)
      expect(malformed.status).toBe(400)
      const validation = await api
        .post(`/hooks/kustom/validation?cart_id=${cartId}&sig=${signKustomCallback(otherCart, kustomOptions())}`, { order_id: "00000000-0000-4000-8000-000000000000" })
        .catch((e) => e.response)
      expect(validation.status).toBe(401)
    })

    const notifyKustom = (body: unknown) =>
      axios.post(`${api.defaults.baseURL}/hooks/payment/kustom_kustom`, JSON.stringify(body), {
        headers: { "content-type": "application/json" },
        validateStatus: () => true,
      })
    const kustomReads = async (id: string) => (await kustomRequests(id)).filter((r) => r.method === "GET" && r.path === `/kustom/ordermanagement/v1/orders/${id}`).length
    const until = async (what: string, check: () => Promise<boolean>) => {
      const deadline = Date.now() + 15_000
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`${what}: not within 15 s`)
        await new Promise((r) => setTimeout(r, 150))
      }
    }
    const webhookEntries = async (orderId: string) => (await klarnaEvents(getContainer(), orderId)).filter((e) => e.action === "webhook")

    it("Kustom's fraud notifications are decided by the order read back from Kustom: garbage is 400 unasked, a forged rejection flags nothing", async () => {
      const everything = async () => (await sim.requests("/")).length
      const before = await everything()
      for (const body of [{}, { order_id: "../../admin/users" }, { order_id: `${randomUUID()}\n` }, [randomUUID()], "not json"]) {
        expect([body, (await notifyKustom(body)).status]).toEqual([body, 400])
      }
      expect(await everything()).toBe(before)

      const placed = await placeKustomOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const reads = await kustomReads(placed.klarna_order_id)
      expect((await notifyKustom({ order_id: placed.klarna_order_id, event_type: "FRAUD_RISK_REJECTED" })).status).toBe(200)
      await until("the notification read back from Kustom", async () => (await kustomReads(placed.klarna_order_id)) > reads)
      await new Promise((r) => setTimeout(r, 1000)) // what follows the read is local
      expect(await webhookEntries(placed.order.id)).toEqual([])
      expect((await api.get("/admin/klarna/attention?limit=200", admin)).data.events.map((e: any) => e.order_id)).not.toContain(placed.order.id)
      expect((await kustomRequests(placed.klarna_order_id)).filter((r) => !r.path.startsWith("/kustom/"))).toEqual([])
      const capture = await api.post(`/admin/klarna/orders/${placed.order.id}/capture`, {}, admin)
      expect(capture.data.event.outcome).toBe("succeeded")
    })

    it("a Kustom purchase in fraud review is authorized once Kustom accepts it, found by the scheduled re-check, logged once", async () => {
      const cartId = await createCart(api, store, [{ variant_id: coffee().variant_id, quantity: 1 }])
      const { session } = await startKustomSession(api, store, cartId)
      const checkoutId = session.data.kustom_checkout_order_id
      expect((await sim.kustom.complete(checkoutId, { fraud_status: "PENDING" })).completed).toBe(true)
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers())
      expect(data.type).toBe("order")
      const orderId = data.order.id
      expect(await klarnaPaymentOf(getContainer(), orderId)).toBeUndefined()

      // Kustom decides; its notification never arrives. The re-check reads the decision from Kustom.
      await sim.fraudDecision(checkoutId, "ACCEPTED")
      expect(await recheckPendingFraudReviews(getContainer())).toBe(1)
      await until("the accepted payment authorized in Medusa", async () => !!(await klarnaPaymentOf(getContainer(), orderId)))
      await until("the decision logged", async () => (await webhookEntries(orderId)).length > 0)
      expect(await recheckPendingFraudReviews(getContainer())).toBe(0)
      expect(await webhookEntries(orderId)).toEqual([expect.objectContaining({ outcome: "succeeded" })])
      expect((await kustomRequests(checkoutId)).filter((r) => !r.path.startsWith("/kustom/"))).toEqual([])
      const payment = await klarnaPaymentOf(getContainer(), orderId)
      expect(payment.provider_id).toBe("pp_kustom_kustom")
    })

    it("captures, refunds and cancels a Kustom order at Kustom only", async () => {
      const placed = await placeKustomOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      const capture = await api.post(`/admin/klarna/orders/${placed.order.id}/capture`, {}, admin)
      expect(capture.data.event).toEqual(expect.objectContaining({ outcome: "succeeded", amount_minor: 29900 + 4900 }))
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 49 }, admin)
      const kustom = await sim.order(placed.klarna_order_id)
      expect(kustom).toEqual(expect.objectContaining({ realm: "kustom", status: "CAPTURED", captured_amount: 34800, refunded_amount: 4900 }))

      const other = await placeKustomOrder(api, getContainer(), store, [{ variant_id: coffee().variant_id, quantity: 1 }])
      await api.post(`/admin/klarna/orders/${other.order.id}/cancel`, {}, admin)
      expect((await sim.order(other.klarna_order_id)).status).toBe("CANCELLED")

      for (const id of [placed.klarna_order_id, other.klarna_order_id]) {
        const requests = await kustomRequests(id)
        expect(requests.length).toBeGreaterThan(2)
        expect(requests.filter((r) => !r.path.startsWith("/kustom/"))).toEqual([])
        expect(requests.filter((r) => /extend-due-date|trigger-send-out/.test(r.path))).toEqual([])
      }
    })

    it("settings show both connections without secrets, test each, and the Klarna Checkout toggles govern Kustom orders", async () => {
      const { data } = await api.get("/admin/klarna/settings", admin)
      expect(data.connections).toEqual([
        expect.objectContaining({ brand: "klarna", provider_id: "pp_klarna_klarna", simulator: true, credentials_configured: true }),
        expect.objectContaining({ brand: "kustom", provider_id: "pp_kustom_kustom", base_url: `${sim.url}/kustom`, simulator: true, credentials_configured: true }),
      ])
      expect(JSON.stringify(data)).not.toMatch(/kco_sim_password|sim_password/)
      const kustomTest = await api.post("/admin/klarna/connection-test", { brand: "kustom" }, admin)
      expect(kustomTest.data).toEqual(expect.objectContaining({ ok: true, message: expect.stringContaining(`Kustom accepted the credentials at ${sim.url}/kustom`) }))
      const bogus = await api.post("/admin/klarna/connection-test", { brand: "paypal" }, admin).catch((e) => e.response)
      expect(bogus.status).toBe(400)

      // Capture on completion switched off for Klarna Checkout only: a Kustom order stays a reservation.
      await api.post("/admin/klarna/settings", { toggles: { capture_on_complete: { klarna_checkout: false } } }, admin)
      const placed = await placeKustomOrder(api, getContainer(), store, [{ variant_id: tshirt().variant_id, quantity: 1 }])
      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      const [event] = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture"))
      expect(event).toEqual(expect.objectContaining({ action: "capture", outcome: "skipped" }))
      expect((await sim.order(placed.klarna_order_id)).status).toBe("AUTHORIZED")
      // Switched back on, the next Kustom order is captured at Kustom on completion.
      await api.post("/admin/klarna/settings", { toggles: { capture_on_complete: { klarna_checkout: true } } }, admin)
      const next = await placeKustomOrder(api, getContainer(), store, [{ variant_id: coffee().variant_id, quantity: 1 }])
      await api.post(`/admin/orders/${next.order.id}/complete`, {}, admin)
      await waitForKlarnaEvents(getContainer(), next.order.id, (e) => e.some((x) => x.action === "capture" && x.outcome === "succeeded"))
      expect((await sim.order(next.klarna_order_id))).toEqual(expect.objectContaining({ realm: "kustom", status: "CAPTURED", captured_amount: 8990 + 4900 }))
    })

    it("refunds a Kustom order at Kustom in all three ways: the returned lines, good-will split by VAT rate, and in full", async () => {
      const placed = await placeKustomOrder(api, getContainer(), store, [
        { variant_id: tshirt().variant_id, quantity: 2 },
        { variant_id: coffee().variant_id, quantity: 1 },
      ])
      await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
      await receiveReturnOfOneTshirt(api, admin, placed)
      await api.post(`/admin/payments/${placed.payment.id}/refund`, { amount: 299, note: "Returned" }, admin)
      await api.post(`/admin/payments/${placed.payment.id}/refund`, { amount: 100, note: "Late delivery" }, admin)
      const kustom = await sim.order(placed.klarna_order_id)
      expect(kustom).toEqual(expect.objectContaining({ realm: "kustom", captured_amount: 73690, refunded_amount: 29900 + 10000 }))
      expect(kustom.refunds[0].order_lines).toEqual([expect.objectContaining({ reference: "TSHIRT-PINK", quantity: 1, total_amount: 29900 })])
      expect(kustom.refunds[1].order_lines.map((l: any) => l.tax_rate).sort()).toEqual([1200, 2500])
      const payment = await klarnaPaymentOf(getContainer(), placed.order.id)
      expect(payment.data.refunds.map((r: any) => r.kind)).toEqual(["lines", "goodwill"])

      const full = await placeKustomOrder(api, getContainer(), store, [{ variant_id: coffee().variant_id, quantity: 2 }])
      await api.post(`/admin/payments/${full.payment.id}/capture`, {}, admin)
      await api.post(`/admin/payments/${full.payment.id}/refund`, { amount: 2 * 89.9 + 49 }, admin)
      const refunded = await sim.order(full.klarna_order_id)
      expect(refunded).toEqual(expect.objectContaining({ refunded_amount: 2 * 8990 + 4900 }))
      expect(refunded.refunds[0].order_lines.map((l: any) => l.reference)).toEqual(refunded.order_lines.map((l: any) => l.reference))
      for (const id of [placed.klarna_order_id, full.klarna_order_id]) {
        expect(((await sim.requests(id)) as any[]).filter((r) => !r.path.startsWith("/kustom/"))).toEqual([])
      }
    })
  },
})
