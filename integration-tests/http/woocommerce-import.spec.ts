import axios from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoStore } from "../../demo/seed-demo-store"
import { SAMPLE_ORDER_A, SAMPLE_ORDER_B, sampleStore, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type RunningFakeWooCommerce, type WooOrder } from "../../fake-woocommerce/src"
import { createAdmin } from "../helpers/admin"
import { createWooImportRun, runWooImport } from "../../src/workflows/woocommerce-import/run-woo-import"
import { isKlarnaOrder, mapWooOrder } from "../../src/woocommerce"
import { importWooCommerceOrderWorkflow } from "../../src/workflows/woocommerce-import/import-woocommerce-order"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

/** A real reservation in the Klarna simulator for `amount` SEK öre, as a WooCommerce Klarna Payments checkout would have made. */
async function klarnaReservation(amount: number): Promise<string> {
  const sim = simulator()
  const klarna = axios.create({ baseURL: sim.url, auth: { username: "sim_user", password: "sim_password" } })
  const body = purchase(amount)
  const { data: session } = await klarna.post("/payments/v1/sessions", body)
  const { authorization_token } = await sim.approve(session.session_id, { payment_method_category: "pay_later" })
  const { data: order } = await klarna.post(`/payments/v1/authorizations/${authorization_token}/order`, body)
  return order.order_id
}

/** A real reservation at Kustom, as WooCommerce's Klarna Checkout (kco) would have made: the shopper paid in Kustom's checkout. */
async function kustomReservation(amount: number): Promise<string> {
  const sim = simulator()
  const urls = { terms: "https://shop.example.se/terms", checkout: "https://shop.example.se/checkout", confirmation: "https://shop.example.se/thanks", push: "https://shop.example.se/push" }
  const { data: checkout } = await sim.kustom.api.post("/checkout/v3/orders", { ...purchase(amount), merchant_urls: urls })
  const paid = await sim.kustom.complete(checkout.order_id)
  expect(paid.completed).toBe(true)
  return checkout.order_id
}

function purchase(amount: number) {
  const tax = Math.round((amount * 2500) / 12500)
  return {
    purchase_country: "SE",
    purchase_currency: "SEK",
    locale: "sv-SE",
    order_amount: amount,
    order_tax_amount: tax,
    order_lines: [{ type: "physical", reference: "WOO", name: "WooCommerce order", quantity: 1, unit_price: amount, total_amount: amount, tax_rate: 2500, total_tax_amount: tax }],
  }
}

/** The sample order, paid with `payment_method` under the reservation `klarnaOrderId`. */
function reservedWooOrder(base: WooOrder, klarnaOrderId: string, changes: Partial<WooOrder> = {}): WooOrder {
  const order: WooOrder = { ...JSON.parse(JSON.stringify(base)), ...changes }
  order.transaction_id = klarnaOrderId
  order.meta_data = order.meta_data.map((m: any) => (m.key === "_wc_klarna_order_id" ? { ...m, value: klarnaOrderId } : m))
  return order
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let woo: RunningFakeWooCommerce | undefined

    beforeEach(async () => {
      await seedDemoStore(getContainer())
      admin = await createAdmin(api, getContainer())
    })
    afterEach(async () => {
      await woo?.close()
      woo = undefined
    })

    async function runImport(body: Record<string, unknown> = {}) {
      const { data, status } = await api.post(
        "/admin/klarna/woocommerce-imports",
        { shop_url: woo!.url, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET, ...body },
        admin
      )
      expect(status).toBe(202)
      for (let i = 0; i < 240; i++) {
        const res = await api.get(`/admin/klarna/woocommerce-imports/${data.import.id}`, admin)
        if (res.data.import.status !== "running") {
          return res.data
        }
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error("import did not finish")
    }

    /** Klarna requests for an order since `since`: the simulator is shared with other specs, which may read the same sample orders. */
    const klarnaRequestsSince = async (since: number, klarnaOrderId: string) =>
      (await simulator().requests(klarnaOrderId)).filter((r: any) => new Date(r.at).getTime() >= since)

    const ordersByWooId = async () => {
      const { data } = await api.get(`/admin/orders?fields=id,total,status,metadata,*payment_collections.payments&limit=100`, admin)
      return new Map<number, any>(data.orders.map((o: any) => [Number(o.metadata?.woocommerce_id), o]))
    }

    it("imports Klarna-paid WooCommerce orders with their Klarna data, reports bad ones, and never calls Klarna", async () => {
      const started = Date.now()
      const store = sampleStore()
      woo = await startFakeWooCommerce(store)
      const report = await runImport()

      expect(report.import.status).toBe("completed")
      expect(JSON.stringify(report)).not.toContain(DEFAULT_CONSUMER_SECRET)
      const byWoo = new Map<number, any>(report.records.map((r: any) => [r.woo_order_id, r]))
      expect(byWoo.get(SAMPLE_ORDER_A.id)).toEqual(expect.objectContaining({ outcome: "imported", klarna_order_id: "f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7" }))
      expect(byWoo.get(SAMPLE_ORDER_B.id).outcome).toBe("imported")
      expect(byWoo.get(48460)).toEqual(expect.objectContaining({ outcome: "failed", reason: expect.any(String) })) // totals do not add up
      expect(byWoo.get(48440)?.outcome).toBe("skipped") // pending
      expect(report.failures.map((f: any) => f.woo_order_id)).toContain(48460)
      expect(report.failures_count).toBe(report.failures.length)
      // The report pages: every record once across pages of two, with the total on each page.
      expect(report.count).toBe(report.records.length)
      const paged: any[] = []
      for (let offset = 0; offset < report.count; offset += 2) {
        const { data: page } = await api.get(`/admin/klarna/woocommerce-imports/${report.import.id}?limit=2&offset=${offset}`, admin)
        expect([page.count, page.limit, page.offset, page.records.length <= 2]).toEqual([report.count, 2, offset, true])
        paged.push(...page.records)
      }
      expect(paged.map((r) => r.id)).toEqual(report.records.map((r: any) => r.id))
      for (const bad of ["limit=0", "limit=1001", "offset=-1", "limit=x"]) {
        const res = await api.get(`/admin/klarna/woocommerce-imports/${report.import.id}?${bad}`, admin).catch((e) => e.response)
        expect([bad, res.status]).toEqual([bad, 400])
      }

      const orders = await ordersByWooId()
      const a = orders.get(SAMPLE_ORDER_A.id)
      expect(Math.round(a.total * 100)).toBe(299480) // WooCommerce's total, to the öre
      const { data: aDetail } = await api.get(`/admin/orders/${a.id}?fields=created_at,sales_channel_id`, admin)
      expect(new Date(aDetail.order.created_at).toISOString()).toBe("2025-03-14T09:42:17.000Z") // WooCommerce's date_created_gmt
      expect(aDetail.order.sales_channel_id).toEqual(expect.any(String))
      const aPayment = a.payment_collections[0].payments[0]
      // Paid with Klarna Checkout (kco): managed at Kustom, where Klarna Checkout orders live now.
      expect(aPayment.provider_id).toBe("pp_kustom_kustom")
      expect(aPayment.data).toEqual(expect.objectContaining({ klarna_order_id: "f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7", payment_method: "klarna_checkout" }))
      expect(aPayment.data.import_replay).toBe(false) // replay over: managed in Klarna from now on
      expect(aPayment.captured_at).toBeFalsy() // processing = an open reservation

      const b = orders.get(SAMPLE_ORDER_B.id)
      const bPayment = b.payment_collections[0].payments[0]
      expect(bPayment.provider_id).toBe("pp_klarna_klarna") // Klarna Payments
      expect(bPayment.captured_at).toBeTruthy() // completed = captured
      expect(bPayment.data.refunds.length).toBeGreaterThan(0) // its WooCommerce refund, recorded
      expect(JSON.stringify(b)).not.toMatch(/shared_secret/)

      // No Klarna call of any kind for the imported orders, and no automation ran on them.
      const requests = await klarnaRequestsSince(started, "f3c1b6de")
      expect(requests).toHaveLength(0)
      const om = getContainer().resolve("klarnaOrderManagement") as any
      expect(await om.listKlarnaEvents({ order_id: a.id })).toHaveLength(0)

      // The next run is incremental: it reads again only from just before the order that failed (retried
      // until it imports or the merchant excludes it), and what it read since is unchanged.
      const next = await runImport()
      expect(next.records.find((r: any) => r.woo_order_id === 48460).outcome).toBe("failed")
      expect(next.records.filter((r: any) => r.woo_order_id !== 48460).every((r: any) => r.outcome === "unchanged" || r.outcome === "skipped")).toBe(true)
      expect(next.records.find((r: any) => r.woo_order_id === SAMPLE_ORDER_A.id)).toBeUndefined() // settled before the failure
      expect(JSON.parse(JSON.stringify(woo!.requests())).some((r: any) => String(r.query?.modified_after ?? "").startsWith("2025"))).toBe(true)
      // A full re-scan changes nothing and duplicates nothing.
      const again = await runImport({ modified_after: "2000-01-01T00:00:00Z" })
      expect(again.records.filter((r: any) => r.outcome === "imported")).toHaveLength(0)
      expect(again.records.find((r: any) => r.woo_order_id === SAMPLE_ORDER_A.id).outcome).toBe("unchanged")
      expect((await ordersByWooId()).size).toBe(orders.size)
    })

    it("an imported Klarna Checkout (kco) reservation is captured, refunded and released at Kustom only", async () => {
      const sim = simulator()
      const kustomOrderId = await kustomReservation(299480)
      woo = await startFakeWooCommerce({ orders: [reservedWooOrder(SAMPLE_ORDER_A, kustomOrderId)] })
      const report = await runImport()
      expect(report.records[0].outcome).toBe("imported")
      const imported = (await ordersByWooId()).get(SAMPLE_ORDER_A.id)
      expect(imported.payment_collections[0].payments[0].provider_id).toBe("pp_kustom_kustom")

      const capture = await api.post(`/admin/klarna/orders/${imported.id}/capture`, { amount: 1000 }, admin)
      expect(capture.data.event).toEqual(expect.objectContaining({ outcome: "succeeded", amount_minor: 100000 }))
      const { data: refund } = await api.post(`/admin/payments/${imported.payment_collections[0].payments[0].id}/refund`, { amount: 100 }, admin)
      expect(refund.payment.refunds).toHaveLength(1)
      await api.post(`/admin/klarna/orders/${imported.id}/release`, {}, admin)
      const klarna = await sim.order(kustomOrderId)
      expect(klarna).toEqual(expect.objectContaining({ realm: "kustom", captured_amount: 100000, refunded_amount: 10000, status: "CAPTURED" }))
      const requests = (await sim.requests(kustomOrderId)) as Array<{ method: string; path: string }>
      expect(requests.filter((r) => r.method !== "GET").length).toBeGreaterThanOrEqual(3)
      expect(requests.filter((r) => !r.path.startsWith("/kustom/"))).toEqual([])
    })

    it("an imported Klarna Payments reservation is captured at Klarna, as before", async () => {
      const klarnaOrderId = await klarnaReservation(299480)
      const order = reservedWooOrder(SAMPLE_ORDER_A, klarnaOrderId, {
        payment_method: "klarna_payments",
        payment_method_title: "Klarna - Pay later",
      })
      woo = await startFakeWooCommerce({ orders: [order] })
      const report = await runImport()
      expect(report.records[0].outcome).toBe("imported")
      const imported = (await ordersByWooId()).get(order.id)
      expect(imported.payment_collections[0].payments[0].provider_id).toBe("pp_klarna_klarna")

      const capture = await api.post(`/admin/klarna/orders/${imported.id}/capture`, {}, admin)
      expect(capture.data.event).toEqual(expect.objectContaining({ outcome: "succeeded", amount_minor: 299480 }))
      const klarna = await simulator().order(klarnaOrderId)
      expect(klarna).toEqual(expect.objectContaining({ realm: "klarna", status: "CAPTURED", captured_amount: 299480 }))
      const requests = (await simulator().requests(klarnaOrderId)) as Array<{ path: string }>
      expect(requests.filter((r) => r.path.startsWith("/kustom/"))).toEqual([])
    })

    it("rejects a bad start request with 400 and keeps the secret out of errors", async () => {
      const res = await api
        .post("/admin/klarna/woocommerce-imports", { shop_url: "not a url", consumer_key: "ck_x", consumer_secret: "cs_secret_value" }, admin)
        .catch((e) => e.response)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.data)).not.toContain("cs_secret_value")
    })

    it("a run that stops mid-way resumes from the last committed page without duplicates", async () => {
      const store = sampleStore()
      woo = await startFakeWooCommerce(store)
      const klarnaOrders = [...store.orders].sort((a, b) => a.id - b.id).filter((o) => isKlarnaOrder(o) && o.status !== "trash")
      // With two orders a page, the third Klarna order's notes fail: page 1 is committed, page 2 is not.
      const sorted = [...store.orders].sort((a, b) => a.id - b.id)
      const failing = sorted[2]
      expect(klarnaOrders.length).toBeGreaterThan(3)
      woo.addFault({ path: `/orders/${failing.id}/notes`, status: 403, times: 1 })

      const container = getContainer()
      const run = await createWooImportRun(container, woo.url, { per_page: 2, klarna_only: false, include_unpaid: false })
      const credentials = { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET }
      await expect(runWooImport(container, run.id, credentials)).rejects.toThrow()
      const wooModule = container.resolve("woocommerceImport") as any
      const stopped = await wooModule.retrieveWooImportRun(run.id)
      expect(stopped).toEqual(expect.objectContaining({ status: "failed", last_page: 1 }))
      const firstPass = await wooModule.listWooImportRecords({ run_id: run.id })
      expect(firstPass.map((r: any) => r.woo_order_id).sort()).toEqual(sorted.slice(0, 2).map((o) => o.id).sort())

      await runWooImport(container, run.id, credentials)
      const done = await wooModule.retrieveWooImportRun(run.id)
      expect(done.status).toBe("completed")
      const records = await wooModule.listWooImportRecords({ run_id: run.id })
      const ids = records.map((r: any) => r.woo_order_id)
      expect(new Set(ids).size).toBe(ids.length) // every order once
      expect(ids).toContain(failing.id)
      const links = await wooModule.listWooOrderLinks({})
      expect(new Set(links.map((l: any) => l.woo_order_id)).size).toBe(links.length)
    })

    it("a re-run records what changed in WooCommerce since (processing → completed) without calling Klarna", async () => {
      const started = Date.now()
      const order: WooOrder = JSON.parse(JSON.stringify(SAMPLE_ORDER_A))
      woo = await startFakeWooCommerce({ orders: [order] })
      await runImport()
      const completed = { ...order, status: "completed", date_modified_gmt: "2025-03-20T08:00:00", date_modified: "2025-03-20T09:00:00" }
      woo.setOrders([completed as WooOrder])
      const report = await runImport()
      expect(report.records).toEqual([expect.objectContaining({ woo_order_id: order.id, outcome: "updated", reason: "captured in WooCommerce: 299480" })])
      const imported = (await ordersByWooId()).get(order.id)
      const payment = imported.payment_collections[0].payments[0]
      expect(payment.captured_at).toBeTruthy()
      expect(payment.data.import_replay).toBe(false)
      expect(await klarnaRequestsSince(started, order.transaction_id)).toHaveLength(0)
    })

    it("an order that cannot be linked (another run got there first) is rolled back whole: nothing half-imported", async () => {
      const mapped = mapWooOrder(SAMPLE_ORDER_A, { shopUrl: "https://shop.example.se" })
      if (!mapped.ok) throw new Error(mapped.reason)
      const container = getContainer()
      const query = container.resolve("query") as any
      const customers = container.resolve("customer") as any
      // The order's customer existed before the import: the rollback must not delete it.
      const [customer] = await customers.createCustomers([{ email: "rollback@example.com" }])
      mapped.draft.email = "rollback@example.com"
      const woo = container.resolve("woocommerceImport") as any
      // A concurrent run already linked this WooCommerce order: the unique link fails in the last step.
      await woo.createWooOrderLinks({ shop_url: "https://shop.example.se", woo_order_id: SAMPLE_ORDER_A.id, medusa_order_id: "order_other_run" })
      const paymentCollectionsBefore = (await query.graph({ entity: "payment_collection", fields: ["id"] })).data.length
      const run = importWooCommerceOrderWorkflow(container).run({
        input: { draft: mapped.draft, shop_url: "https://shop.example.se" },
      })
      // Workflows reject with the step's error as a plain object.
      await expect(run).rejects.toEqual(expect.objectContaining({ message: expect.stringContaining("already exists") }))
      expect((await ordersByWooId()).has(SAMPLE_ORDER_A.id)).toBe(false) // the order step was compensated
      expect((await query.graph({ entity: "payment_collection", fields: ["id"] })).data.length).toBe(paymentCollectionsBefore) // and the payment step
      expect(await woo.listWooOrderLinks({ woo_order_id: SAMPLE_ORDER_A.id })).toEqual([expect.objectContaining({ medusa_order_id: "order_other_run" })])
      expect(await customers.listCustomers({ email: "rollback@example.com" })).toEqual([expect.objectContaining({ id: customer.id })])
    })

    it("a customer created for an order whose import fails is deleted again", async () => {
      const mapped = mapWooOrder(SAMPLE_ORDER_A, { shopUrl: "https://shop.example.se" })
      if (!mapped.ok) throw new Error(mapped.reason)
      // A total Medusa's order cannot come out at: the order step fails after the customer step created the customer.
      const draft = { ...mapped.draft, email: "only-this-import@example.se", totals: { ...mapped.draft.totals, total: mapped.draft.totals.total + 1 } }
      const container = getContainer()
      const customers = container.resolve("customer") as any
      const run = importWooCommerceOrderWorkflow(container).run({ input: { draft, shop_url: "https://shop.example.se" } })
      await expect(run).rejects.toEqual(expect.objectContaining({ message: expect.stringContaining("the Medusa order would total") }))
      expect(await customers.listCustomers({ email: "only-this-import@example.se" })).toHaveLength(0)
      expect((await ordersByWooId()).has(SAMPLE_ORDER_A.id)).toBe(false)
    })
  },
})
