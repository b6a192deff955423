import axios from "axios"
import { execFileSync } from "node:child_process"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { SAMPLE_ORDER_A, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type RunningFakeWooCommerce, type WooOrder } from "../../fake-woocommerce/src"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, placeKustomOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { simulator } from "../helpers/simulator"
import klarnaMerchantReferencesOnPlaced from "../../src/subscribers/klarna-merchant-references-on-placed"

jest.setTimeout(180_000)

const ALL = { withMerchantReferences: true }

// Kustom calls this app back (validation, push): it listens on a known port, named in its public URL.
const port = Number(
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString()
)
const previousEnv = { PORT: process.env.PORT, KUSTOM_BACKEND_URL: process.env.KUSTOM_BACKEND_URL }
process.env.PORT = String(port)
process.env.KUSTOM_BACKEND_URL = `http://127.0.0.1:${port}`

const klarnaApi = () => axios.create({ baseURL: simulator().url, auth: { username: "sim_user", password: "sim_password" } })

/** A reservation as WooCommerce's Klarna Payments checkout made it: WooCommerce's order number as merchant_reference1. */
async function wooKlarnaReservation(amount: number, wooNumber: string): Promise<string> {
  const tax = Math.round((amount * 2500) / 12500)
  const body = {
    purchase_country: "SE",
    purchase_currency: "SEK",
    locale: "sv-SE",
    order_amount: amount,
    order_tax_amount: tax,
    order_lines: [{ type: "physical", reference: "WOO", name: "WooCommerce order", quantity: 1, unit_price: amount, total_amount: amount, tax_rate: 2500, total_tax_amount: tax }],
    merchant_reference1: wooNumber,
    merchant_reference2: "woo-post-id",
  }
  const { data: session } = await klarnaApi().post("/payments/v1/sessions", body)
  const { authorization_token } = await simulator().approve(session.session_id, { payment_method_category: "pay_later" })
  const { data: order } = await klarnaApi().post(`/payments/v1/authorizations/${authorization_token}/order`, body)
  return order.order_id
}

function wooOrderPaidWithKlarna(klarnaOrderId: string): WooOrder {
  const order: WooOrder = { ...JSON.parse(JSON.stringify(SAMPLE_ORDER_A)), payment_method: "klarna_payments", payment_method_title: "Klarna - Pay later" }
  order.transaction_id = klarnaOrderId
  order.meta_data = order.meta_data.map((m: any) => (m.key === "_wc_klarna_order_id" ? { ...m, value: klarnaOrderId } : m))
  return order
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let woo: RunningFakeWooCommerce | undefined
    const sim = simulator()

    afterAll(() => {
      for (const [key, value] of Object.entries(previousEnv)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    })

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })
    afterEach(async () => {
      await woo?.close()
      woo = undefined
    })

    const variant = (sku: string) => store.products.find((p) => p.sku === sku)!.variant_id
    const place = () => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
    const saveSettings = async (patch: Record<string, unknown>) => expect((await api.post("/admin/klarna/settings", patch, admin)).status).toBe(200)
    const referenceEntries = (events: any[]) => events.filter((e) => e.action === "merchant_references")
    const waitForReferences = (orderId: string) => waitForKlarnaEvents(getContainer(), orderId, (e) => referenceEntries(e).length > 0, 15_000, ALL).then(referenceEntries)
    const patches = async (klarnaOrderId: string) =>
      ((await sim.requests(klarnaOrderId)) as Array<{ method: string; path: string }>).filter((r) => r.method === "PATCH" && r.path.endsWith("/merchant-references"))

    it("after the order is placed, Klarna's order carries Medusa's order number and order id", async () => {
      const placed = await place()
      const [entry] = await waitForReferences(placed.order.id)
      expect(entry).toEqual(expect.objectContaining({ outcome: "succeeded", actor: "automation", attention: false, klarna_order_id: placed.klarna_order_id }))
      expect(entry.message).toContain(String(placed.order.display_id))
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.merchant_reference1).toBe(String(placed.order.display_id))
      expect(klarna.merchant_reference2).toBe(placed.order.id)
      expect(await patches(placed.klarna_order_id)).toHaveLength(1)
      expect(referenceEntries(await klarnaEvents(getContainer(), placed.order.id, ALL))).toHaveLength(1)
    })

    it('with merchant_reference2 "none", Klarna keeps its merchant_reference2', async () => {
      await saveSettings({ merchant_reference2: "none" })
      const placed = await place()
      const [entry] = await waitForReferences(placed.order.id)
      expect(entry.outcome).toBe("succeeded")
      const klarna = await sim.order(placed.klarna_order_id)
      expect(klarna.merchant_reference1).toBe(String(placed.order.display_id))
      // The session named the cart; nothing overwrote it.
      expect(klarna.merchant_reference2).toBe(placed.cart_id)
      const [patch] = (await sim.requests(placed.klarna_order_id)).filter((r: any) => r.method === "PATCH")
      expect(patch.body ?? {}).not.toHaveProperty("merchant_reference2")
    })

    it("with the toggle off for the payment method, nothing is sent and the entry says why", async () => {
      await saveSettings({ toggles: { merchant_references: { pay_later: false } } })
      const placed = await place()
      const [entry] = await waitForReferences(placed.order.id)
      expect(entry.outcome).toBe("skipped")
      expect(entry.message).toContain("merchant references is off for pay later")
      expect(await patches(placed.klarna_order_id)).toHaveLength(0)
      expect((await sim.order(placed.klarna_order_id)).merchant_reference1).not.toBe(String(placed.order.display_id))
    })

    it("a duplicate order.placed makes one Klarna call and leaves one entry", async () => {
      const placed = await place()
      await waitForReferences(placed.order.id)
      await klarnaMerchantReferencesOnPlaced({ event: { name: "order.placed", data: { id: placed.order.id } }, container: getContainer() } as any)
      expect(await patches(placed.klarna_order_id)).toHaveLength(1)
      const entries = referenceEntries(await klarnaEvents(getContainer(), placed.order.id, ALL))
      expect(entries).toHaveLength(1)
      expect(entries[0].outcome).toBe("succeeded")
    })

    it("Klarna's refusal (a cancelled order) ends in the attention list", async () => {
      await saveSettings({ toggles: { merchant_references: { pay_later: false } } })
      const placed = await place()
      expect((await waitForReferences(placed.order.id))[0].outcome).toBe("skipped")
      await klarnaApi().post(`/ordermanagement/v1/orders/${placed.klarna_order_id}/cancel`, {}, { headers: { "Klarna-Idempotency-Key": `test-cancel-${placed.klarna_order_id}` } })
      await saveSettings({ toggles: { merchant_references: { pay_later: true } } })
      await klarnaMerchantReferencesOnPlaced({ event: { name: "order.placed", data: { id: placed.order.id } }, container: getContainer() } as any)
      const [entry] = referenceEntries(await klarnaEvents(getContainer(), placed.order.id, ALL))
      expect(entry).toEqual(expect.objectContaining({ outcome: "failed", attention: true }))
      expect(entry.message).toContain("Can not update a cancelled order")
      const { data } = await api.get("/admin/klarna/attention", admin)
      expect(data.events.map((i: any) => [i.order_id, i.action])).toContainEqual([placed.order.id, "merchant_references"])
    })

    it("a Kustom (Klarna Checkout) order gets its references at Kustom", async () => {
      const placed = await placeKustomOrder(api, getContainer(), store, [{ variant_id: variant("TSHIRT-PINK"), quantity: 1 }])
      const [entry] = await waitForReferences(placed.order.id)
      expect(entry.outcome).toBe("succeeded")
      const kustom = await sim.order(placed.klarna_order_id)
      expect(kustom).toEqual(expect.objectContaining({ realm: "kustom", merchant_reference1: String(placed.order.display_id), merchant_reference2: placed.order.id }))
      const requests = (await sim.requests(placed.klarna_order_id)) as Array<{ method: string; path: string }>
      expect(requests.filter((r) => r.method === "PATCH").map((r) => r.path)).toEqual([`/kustom/ordermanagement/v1/orders/${placed.klarna_order_id}/merchant-references`])
    })

    describe("imported WooCommerce orders", () => {
      async function importOne(klarnaOrderId: string) {
        woo = await startFakeWooCommerce({ orders: [wooOrderPaidWithKlarna(klarnaOrderId)] })
        const { data } = await api.post(
          "/admin/klarna/woocommerce-imports",
          { shop_url: woo.url, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET },
          admin
        )
        for (let i = 0; i < 240; i++) {
          const res = await api.get(`/admin/klarna/woocommerce-imports/${data.import.id}`, admin)
          if (res.data.import.status !== "running") {
            expect(res.data.records[0].outcome).toBe("imported")
            return res.data.records[0].medusa_order_id as string
          }
          await new Promise((r) => setTimeout(r, 250))
        }
        throw new Error("import did not finish")
      }

      it("keeps WooCommerce's number in Klarna by default: no Klarna call, no entry", async () => {
        const klarnaOrderId = await wooKlarnaReservation(299480, SAMPLE_ORDER_A.number)
        const orderId = await importOne(klarnaOrderId)
        // A Medusa-placed order in the same run of the event bus is the marker that events were handled.
        const marker = await place()
        await waitForReferences(marker.order.id)
        await new Promise((r) => setTimeout(r, 1000))
        expect(referenceEntries(await klarnaEvents(getContainer(), orderId, ALL))).toEqual([])
        expect(await patches(klarnaOrderId)).toHaveLength(0)
        expect(await sim.order(klarnaOrderId)).toEqual(expect.objectContaining({ merchant_reference1: SAMPLE_ORDER_A.number, merchant_reference2: "woo-post-id" }))
      })

      it('gets Medusa\'s number with imported_reference1 "medusa"', async () => {
        await saveSettings({ imported_reference1: "medusa" })
        const klarnaOrderId = await wooKlarnaReservation(299480, SAMPLE_ORDER_A.number)
        const orderId = await importOne(klarnaOrderId)
        const [entry] = await waitForReferences(orderId)
        expect(entry.outcome).toBe("succeeded")
        const { data } = await api.get(`/admin/orders/${orderId}?fields=id,display_id`, admin)
        expect(await sim.order(klarnaOrderId)).toEqual(expect.objectContaining({ merchant_reference1: String(data.order.display_id), merchant_reference2: orderId }))
        expect(await patches(klarnaOrderId)).toHaveLength(1)
      })
    })
  },
})
