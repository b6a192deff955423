import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoStore } from "../../demo/seed-demo-store"
import {
  SAMPLE_ORDER_A,
  SAMPLE_ORDER_B,
  SAMPLE_ORDER_C_ON_HOLD,
  SAMPLE_ORDER_D_CANCELLED,
  SAMPLE_ORDER_F_LEGACY_INVOICE,
  SAMPLE_ORDER_H_BACS,
  SAMPLE_ORDER_K_INCONSISTENT,
  sampleStore,
  startFakeWooCommerce,
  DEFAULT_CONSUMER_KEY,
  DEFAULT_CONSUMER_SECRET,
  type RunningFakeWooCommerce,
  type WooOrder,
} from "../../fake-woocommerce/src"
import { createAdmin } from "../helpers/admin"
import { createWooImportRun } from "../../src/workflows/woocommerce-import/run-woo-import"
import { resumeInterruptedImports } from "../../src/workflows/woocommerce-import/resume-interrupted-imports"
import { WOO_IMPORT_REQUESTED } from "../../src/workflows/woocommerce-import/request-woo-import"
import { runRequestedWooImport } from "../../src/workflows/woocommerce-import/run-requested-woo-import"
import woocommerceImportRequested from "../../src/subscribers/woocommerce-import-requested"
import { INTERRUPTED_REASON, sealWooCredentials, UNOPENED_CREDENTIALS_REASON } from "../../src/woocommerce"

jest.setTimeout(240_000)

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o))

/** A copy of an order under another id, modified at `modifiedGmt`. */
function variant(base: WooOrder, id: number, modifiedGmt: string, changes: Partial<WooOrder> = {}): WooOrder {
  return { ...clone(base), id, number: String(id), date_modified_gmt: modifiedGmt, date_modified: modifiedGmt, ...changes }
}

/** The on-hold sample, paid, to a Norwegian address in NOK: the demo store has no region for it. */
const norwegian = (id: number, modifiedGmt: string) =>
  variant(SAMPLE_ORDER_C_ON_HOLD, id, modifiedGmt, {
    status: "processing",
    currency: "NOK",
    transaction_id: "0b6f3a52-7d1e-4c8a-9e2f-5a4b3c2d1e0f",
    billing: { ...SAMPLE_ORDER_C_ON_HOLD.billing, country: "NO", email: `nordmann-${id}@example.no` },
    shipping: { ...SAMPLE_ORDER_C_ON_HOLD.shipping, country: "NO" },
  })

/** Three lines of 99.99 kr at 25 %: WooCommerce rounds each line's tax to 20.00 (25 % of 99.99 is 19.998). */
function subOreOrder(id: number): WooOrder {
  const line = (lineId: number, sku: string) => ({
    id: lineId,
    name: `Ljus ${sku}`,
    product_id: 7000 + lineId,
    variation_id: 0,
    quantity: 1,
    tax_class: "",
    subtotal: "79.99",
    subtotal_tax: "20.00",
    total: "79.99",
    total_tax: "20.00",
    taxes: [{ id: 1, total: "19.998", subtotal: "19.998" }],
    meta_data: [],
    sku,
    price: 79.99,
    parent_name: null,
  })
  return variant(SAMPLE_ORDER_C_ON_HOLD, id, "2025-08-01T10:00:00", {
    status: "processing",
    transaction_id: "3c9e1f20-5b7a-4d8e-a1f2-6b5c4d3e2f10",
    meta_data: [],
    shipping_total: "0.00",
    shipping_tax: "0.00",
    cart_tax: "60.00",
    total: "299.97",
    total_tax: "60.00",
    line_items: [line(1, "A"), line(2, "B"), line(3, "C")] as any,
    shipping_lines: [],
    tax_lines: [{ id: 9, rate_code: "SE-MOMS 25%-1", rate_id: 1, label: "Moms 25%", compound: false, tax_total: "60.00", shipping_tax_total: "0.00", rate_percent: 25, meta_data: [] }],
  })
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

    const wooModule = () => getContainer().resolve("woocommerceImport") as any

    async function waitForRun(id: string) {
      for (let i = 0; i < 480; i++) {
        const res = await api.get(`/admin/klarna/woocommerce-imports/${id}`, admin)
        if (res.data.import.status !== "running") {
          return res.data
        }
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error("import did not finish")
    }

    async function runImport(body: Record<string, unknown> = {}) {
      const { data, status } = await api.post(
        "/admin/klarna/woocommerce-imports",
        { shop_url: woo!.url, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET, ...body },
        admin
      )
      expect(status).toBe(202)
      const report = await waitForRun(data.import.id)
      expect(report.import.status).toBe("completed")
      return report
    }

    const recordOf = (report: any, wooId: number) => report.records.find((r: any) => r.woo_order_id === wooId)

    async function importedOrder(wooId: number, fields = "") {
      const { data } = await api.get(`/admin/orders?fields=id,metadata&limit=200`, admin)
      const found = data.orders.find((o: any) => Number(o.metadata?.woocommerce_id) === wooId)
      if (!found || !fields) return found
      return (await api.get(`/admin/orders/${found.id}?fields=${fields}`, admin)).data.order
    }

    it("a cancelled WooCommerce order reads canceled in Medusa, imported so or cancelled after the import", async () => {
      const open = variant(SAMPLE_ORDER_A, SAMPLE_ORDER_A.id, "2025-03-14T09:42:17")
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_D_CANCELLED), open] })
      await runImport()
      const fields = "status,payment_status,canceled_at,*payment_collections,*payment_collections.payments"

      const d = await importedOrder(SAMPLE_ORDER_D_CANCELLED.id, fields)
      expect(d).toEqual(expect.objectContaining({ status: "canceled", payment_status: "canceled", canceled_at: expect.any(String) }))
      expect(d.payment_collections).toEqual([expect.objectContaining({ status: "canceled", captured_amount: 0, refunded_amount: 0, amount: 377 })])
      expect(d.payment_collections[0].payments[0].canceled_at).toBeTruthy()

      const a = await importedOrder(SAMPLE_ORDER_A.id, fields)
      expect(a.payment_status).toBe("authorized")
      woo.setOrders([clone(SAMPLE_ORDER_D_CANCELLED), { ...open, status: "cancelled", date_modified_gmt: "2025-09-01T08:00:00", date_modified: "2025-09-01T10:00:00" }])
      const report = await runImport()
      expect(recordOf(report, SAMPLE_ORDER_A.id)).toEqual(expect.objectContaining({ outcome: "updated", reason: "cancelled in WooCommerce" }))
      const cancelled = await importedOrder(SAMPLE_ORDER_A.id, fields)
      expect(cancelled).toEqual(expect.objectContaining({ status: "canceled", payment_status: "canceled", canceled_at: expect.any(String) }))
      expect(cancelled.payment_collections).toEqual([expect.objectContaining({ status: "canceled", captured_amount: 0, refunded_amount: 0 })])
    })

    it("a legacy Klarna invoice order keeps its gateway and references as read-only Klarna history", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_F_LEGACY_INVOICE)] })
      const report = await runImport()
      expect(recordOf(report, SAMPLE_ORDER_F_LEGACY_INVOICE.id).outcome).toBe("imported")
      const order = await importedOrder(SAMPLE_ORDER_F_LEGACY_INVOICE.id, "metadata,*payment_collections.payments")
      expect(order.metadata.klarna_history).toEqual({
        gateway: "klarna_invoice",
        plugin: "WooCommerce Klarna Gateway 2.x (Invoice)",
        title: "Klarna Faktura",
        payment_method: "pay_later",
        klarna_order_id: null,
        reservation_number: "3301234567",
        invoice_number: "900123456",
        environment: null,
        reason: "legacy_gateway",
      })
      expect(order.payment_collections[0].payments[0].provider_id).toBe("pp_system_default")

      const { data: view } = await api.get(`/admin/klarna/orders/${order.id}`, admin)
      expect(view.klarna_order_id).toBeNull()
      expect(view.klarna_history).toEqual(expect.objectContaining({ gateway: "klarna_invoice", invoice_number: "900123456", reservation_number: "3301234567" }))
      const capture = await api.post(`/admin/klarna/orders/${order.id}/capture`, {}, admin).catch((e) => e.response)
      expect(capture.status).toBe(400)
      expect(capture.data.message).toContain("read-only history")
    })

    it("tax totals are WooCommerce's to the öre where WooCommerce rounded each line's tax", async () => {
      const order = subOreOrder(50001)
      woo = await startFakeWooCommerce({ orders: [order, clone(SAMPLE_ORDER_F_LEGACY_INVOICE)] })
      await runImport()
      const imported = await importedOrder(50001, "total,tax_total,subtotal,items.tax_total,items.total,items.tax_lines.rate,items.tax_lines.description")
      expect(imported.total).toBe(299.97)
      expect(imported.tax_total).toBe(60) // 3 × 20.00; 25 % of the lines would be 59.994
      expect(imported.items.map((i: any) => i.tax_total)).toEqual([20, 20, 20])
      expect(imported.items[0].tax_lines[0].description).toBe("Moms 25%")
      // The legacy order's 12 % line: 7.48 in WooCommerce where 12 % of 69.80 incl. tax is 7.4786.
      const legacy = await importedOrder(SAMPLE_ORDER_F_LEGACY_INVOICE.id, "total,tax_total")
      expect(legacy).toEqual(expect.objectContaining({ total: 128.8, tax_total: 19.28 }))
    })

    it("the dry run makes every check the real run makes, writes nothing and says would import", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A), norwegian(61001, "2025-07-02T10:00:00")] })
      const customers = getContainer().resolve(Modules.CUSTOMER) as any
      const customersBefore = (await customers.listCustomers({})).length

      const dry = await runImport({ dry_run: true })
      expect(recordOf(dry, SAMPLE_ORDER_A.id)).toEqual(expect.objectContaining({ outcome: "imported", reason: expect.stringContaining("would import") }))
      expect(recordOf(dry, 61001)).toEqual(expect.objectContaining({ outcome: "failed", reason: "No Medusa region sells in NOK to NO; create one before importing." }))
      expect(await importedOrder(SAMPLE_ORDER_A.id)).toBeUndefined()
      expect(await wooModule().listWooOrderLinks({})).toHaveLength(0)
      expect((await customers.listCustomers({})).length).toBe(customersBefore)

      const real = await runImport()
      expect(recordOf(real, SAMPLE_ORDER_A.id).outcome).toBe("imported")
      expect(recordOf(real, 61001)).toEqual(expect.objectContaining({ outcome: "failed", reason: recordOf(dry, 61001).reason }))
    })

    it("incremental runs retry a failed order until it imports or is excluded; the mark never passes a failure nor goes backwards", async () => {
      const failing = norwegian(61002, "2025-07-02T10:00:00")
      const inconsistent = clone(SAMPLE_ORDER_K_INCONSISTENT) // modified 2025-07-11T13:00:00, totals never add up
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A), failing, clone(SAMPLE_ORDER_H_BACS), inconsistent] })

      const first = await runImport()
      expect(recordOf(first, SAMPLE_ORDER_A.id).outcome).toBe("imported")
      expect(recordOf(first, 61002).outcome).toBe("failed")
      expect(recordOf(first, SAMPLE_ORDER_H_BACS.id)).toEqual(
        expect.objectContaining({ outcome: "skipped", reason: "not paid with Klarna (payment method: Direkt bankbetalning)" })
      )
      expect(first.records).toHaveLength(4) // every order read has its row
      const firstRun = await wooModule().retrieveWooImportRun(first.import.id)
      expect(new Date(firstRun.next_mark).toISOString()).toBe("2025-07-02T09:59:59.000Z") // just before the earliest failure

      const second = await runImport()
      expect(recordOf(second, 61002).outcome).toBe("failed") // retried
      expect(recordOf(second, SAMPLE_ORDER_A.id)).toBeUndefined() // settled before the mark: not read again

      // The merchant fixes the cause: a region for Norway in NOK.
      await (getContainer().resolve(Modules.REGION) as any).createRegions([{ name: "Norge", currency_code: "nok", countries: ["no"] }])
      const third = await runImport()
      expect(recordOf(third, 61002).outcome).toBe("imported")
      expect(recordOf(third, inconsistent.id).outcome).toBe("failed")
      const thirdRun = await wooModule().retrieveWooImportRun(third.import.id)
      // The latest settled order (the bank transfer, skipped) is before the failure: the mark is there.
      expect(new Date(thirdRun.next_mark).toISOString()).toBe("2025-07-09T05:30:00.000Z")

      // The inconsistent order cannot be fixed in Medusa: the merchant excludes it.
      const excluded = await api.post("/admin/klarna/woocommerce-exclusions", { shop_url: woo.url, woo_order_ids: [inconsistent.id], note: "totals wrong in WooCommerce" }, admin)
      expect(excluded.status).toBe(201)
      const fourth = await runImport()
      expect(recordOf(fourth, inconsistent.id)).toEqual(expect.objectContaining({ outcome: "skipped", reason: "excluded by the merchant" }))
      const fourthRun = await wooModule().retrieveWooImportRun(fourth.import.id)
      expect(new Date(fourthRun.next_mark).toISOString()).toBe("2025-07-11T13:00:00.000Z")

      // Nothing new: the run reads nothing and keeps the mark (an empty run must not reset it to "the whole shop").
      const fifth = await runImport()
      expect(fifth.records).toHaveLength(0)
      const fifthRun = await wooModule().retrieveWooImportRun(fifth.import.id)
      expect(new Date(fifthRun.next_mark).toISOString()).toBe("2025-07-11T13:00:00.000Z")
      const sixth = await runImport()
      expect(sixth.records).toHaveLength(0)
      const modifiedAfter = woo.requests().filter((r: any) => r.path?.endsWith("/orders")).map((r: any) => r.query?.modified_after)
      expect(modifiedAfter.at(-1)).toBe("2025-07-11T13:00:00")
    })

    it("--all imports orders paid otherwise as history, with their payment method", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_H_BACS)] })
      const report = await runImport({ klarna_only: false })
      expect(recordOf(report, SAMPLE_ORDER_H_BACS.id).outcome).toBe("imported")
      const order = await importedOrder(SAMPLE_ORDER_H_BACS.id, "total,metadata,payment_status,*payment_collections.payments")
      expect(order.total).toBe(508)
      expect(order.metadata).toEqual(expect.objectContaining({ woocommerce_payment_method: "bacs", woocommerce_payment_method_title: "Direkt bankbetalning" }))
      expect(order.metadata.klarna_history).toBeUndefined()
      expect(order.payment_collections[0].payments[0].provider_id).toBe("pp_system_default")
      const { data: view } = await api.get(`/admin/klarna/orders/${order.id}`, admin)
      expect(view).toEqual(expect.objectContaining({ klarna_order_id: null, klarna_history: null }))
    })

    it("Klarna's 'no such order' for an imported order names the likely causes", async () => {
      // A Klarna order id of its own that the simulator does not have (other specs count requests for the sample's).
      const missing = "6d2e9b41-0c7f-4a3e-8b5d-1f2a3b4c5d6e"
      const lost = variant(SAMPLE_ORDER_A, 48999, "2025-03-14T09:42:17", {
        transaction_id: missing,
        meta_data: SAMPLE_ORDER_A.meta_data.map((m: any) => (m.key === "_wc_klarna_order_id" ? { ...m, value: missing } : m)),
      })
      woo = await startFakeWooCommerce({ orders: [lost] })
      await runImport()
      const order = await importedOrder(48999)
      const capture = await api.post(`/admin/klarna/orders/${order.id}/capture`, {}, admin).catch((e) => e.response)
      const said = JSON.stringify(capture.data)
      expect(said).toContain("imported from WooCommerce")
      expect(said).toContain("other credentials, environment (playground or live) or region")
      expect(said).toContain("Kustom")
      const { data: view } = await api.get(`/admin/klarna/orders/${order.id}`, admin)
      expect(view.klarna_error.message).toContain("imported from WooCommerce; likely causes")
    })

    it("a run whose process died continues by itself from its last page; one that cannot is failed with what to do", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A), clone(SAMPLE_ORDER_D_CANCELLED), clone(SAMPLE_ORDER_F_LEGACY_INVOICE)] })
      const container = getContainer()
      const credentials = { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET }
      const run = await createWooImportRun(container, woo.url, { per_page: 1 }, credentials)
      // Sealed, not readable in the database, and never answered.
      const stored = await wooModule().retrieveWooImportRun(run.id)
      expect(stored.sealed_credentials).toEqual(expect.any(String))
      expect(stored.sealed_credentials).not.toContain(DEFAULT_CONSUMER_SECRET)
      expect(JSON.stringify((await api.get(`/admin/klarna/woocommerce-imports/${run.id}`, admin)).data)).not.toContain(stored.sealed_credentials)

      // Its process died after the first page: progress saved, heartbeat stopped two minutes ago.
      await wooModule().updateWooImportRuns({ id: run.id, last_page: 1, processed: 1, heartbeat_at: new Date(Date.now() - 120_000) })
      const cliRun = await createWooImportRun(container, woo.url, {})
      await wooModule().updateWooImportRuns({ id: cliRun.id, heartbeat_at: new Date(Date.now() - 120_000) })

      const outcome = await resumeInterruptedImports(container)
      expect(outcome).toEqual({ resumed: [run.id], failed: [cliRun.id] })
      expect(await resumeInterruptedImports(container)).toEqual({ resumed: [], failed: [] }) // claimed: not taken twice

      const done = await waitForRun(run.id)
      expect(done.import).toEqual(expect.objectContaining({ status: "completed", resumable: false }))
      expect((await wooModule().retrieveWooImportRun(run.id)).sealed_credentials).toBeNull()
      // Pages 2 and 3 only: the first page's order was the dead process's.
      expect(done.records.map((r: any) => r.woo_order_id).sort()).toEqual([SAMPLE_ORDER_A.id, SAMPLE_ORDER_D_CANCELLED.id].sort())
      const cli = await wooModule().retrieveWooImportRun(cliRun.id)
      expect(cli).toEqual(expect.objectContaining({ status: "failed", error: INTERRUPTED_REASON }))
    })
    it("the admin route only queues the run: nothing reads the shop until a worker takes the event, which carries the run's id only", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A), clone(SAMPLE_ORDER_D_CANCELLED)] })
      const container = getContainer()
      const bus = container.resolve(Modules.EVENT_BUS) as any
      const worker = { subscriberId: "woocommerce-import-requested" }
      const spy = { subscriberId: "spec-woocommerce-import-requested" }
      const requested: any[] = []
      const listen = async (event: any) => {
        requested.push(event)
      }
      // No worker: the plugin's subscriber is taken off the bus, a listener records the event instead.
      bus.unsubscribe(WOO_IMPORT_REQUESTED, async () => undefined, worker)
      bus.subscribe(WOO_IMPORT_REQUESTED, listen, spy)
      try {
        const { data, status } = await api.post(
          "/admin/klarna/woocommerce-imports",
          { shop_url: woo.url, consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET },
          admin
        )
        expect(status).toBe(202)
        const id = data.import.id
        for (let i = 0; i < 40 && !requested.length; i++) {
          await new Promise((r) => setTimeout(r, 50))
        }
        await new Promise((r) => setTimeout(r, 1500)) // time enough for an import running in this process to read the shop
        expect(requested.map((e) => e.data)).toEqual([{ id }])
        expect(JSON.stringify(requested)).not.toContain(DEFAULT_CONSUMER_SECRET)
        expect(JSON.stringify(requested)).not.toContain(DEFAULT_CONSUMER_KEY)
        expect(woo.requests()).toEqual([])
        expect(await wooModule().retrieveWooImportRun(id)).toEqual(expect.objectContaining({ status: "running", processed: 0, sealed_credentials: expect.any(String) }))

        // The worker's delivery runs it.
        await woocommerceImportRequested({ event: requested[0], container } as any)
        const done = await waitForRun(id)
        expect(done.import).toEqual(expect.objectContaining({ status: "completed" }))
        expect(done.records.map((r: any) => r.woo_order_id).sort()).toEqual([SAMPLE_ORDER_A.id, SAMPLE_ORDER_D_CANCELLED.id].sort())
        expect(woo.requests().length).toBeGreaterThan(0)
      } finally {
        bus.unsubscribe(WOO_IMPORT_REQUESTED, listen, spy)
        bus.subscribe(WOO_IMPORT_REQUESTED, (event: any) => woocommerceImportRequested({ event, container } as any), worker)
      }
    })

    it("two deliveries of one run's request at once: one runs it, the other leaves it, and every order is imported once", async () => {
      const orders = [SAMPLE_ORDER_A, SAMPLE_ORDER_D_CANCELLED, SAMPLE_ORDER_F_LEGACY_INVOICE].map(clone)
      woo = await startFakeWooCommerce({ orders, latencyMs: 150 })
      const container = getContainer()
      const credentials = { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET }
      const run = await createWooImportRun(container, woo.url, { per_page: 1 }, credentials)

      const outcomes = await Promise.all([runRequestedWooImport(container, run.id), runRequestedWooImport(container, run.id)])
      expect(outcomes.filter((o) => o === "completed")).toHaveLength(1)
      expect(outcomes.filter((o) => o !== "completed")).toEqual([expect.stringMatching(/^(busy|skipped)$/)])

      const records = await wooModule().listWooImportRecords({ run_id: run.id })
      expect(records.map((r: any) => [r.woo_order_id, r.outcome]).sort()).toEqual(orders.map((o) => [o.id, "imported"]).sort())
      const { data } = await api.get(`/admin/orders?fields=id,metadata&limit=200`, admin)
      const imported = data.orders.map((o: any) => Number(o.metadata?.woocommerce_id)).filter(Boolean).sort()
      expect(imported).toEqual(orders.map((o) => o.id).sort()) // one Medusa order each
      expect(await wooModule().retrieveWooImportRun(run.id)).toEqual(expect.objectContaining({ status: "completed", sealed_credentials: null }))
      // A late duplicate finds it finished.
      expect(await runRequestedWooImport(container, run.id)).toBe("skipped")
    })

    it("a queued run whose credentials this process cannot open ends failed, saying why", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A)] })
      const container = getContainer()
      const run = await createWooImportRun(container, woo.url, {}, { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET })
      // Sealed by a server with another JWT secret.
      await wooModule().updateWooImportRuns({ id: run.id, sealed_credentials: sealWooCredentials({ consumer_key: "ck", consumer_secret: "cs" }, "another-secret", run.id) })
      expect(await runRequestedWooImport(container, run.id)).toBe("failed")
      expect(await wooModule().retrieveWooImportRun(run.id)).toEqual(
        expect.objectContaining({ status: "failed", error: UNOPENED_CREDENTIALS_REASON, sealed_credentials: null })
      )
      expect(woo.requests()).toEqual([])
    })

    it("an order whose import died half-way is cleaned up and imported once by the next run; one being imported now is left alone", async () => {
      woo = await startFakeWooCommerce({ orders: [clone(SAMPLE_ORDER_A)] })
      await runImport()
      const first = await importedOrder(SAMPLE_ORDER_A.id)
      const [link] = await wooModule().listWooOrderLinks({ woo_order_id: SAMPLE_ORDER_A.id })
      expect(link).toEqual(expect.objectContaining({ state: "imported", medusa_order_id: first.id }))
      const query = getContainer().resolve("query") as any
      const collectionsBefore = (await query.graph({ entity: "payment_collection", fields: ["id"] })).data.length

      // As a process killed between the import's first and last write leaves it: the link still "importing".
      await wooModule().updateWooOrderLinks({ id: link.id, state: "importing" })
      const busy = await runImport({ modified_after: "2000-01-01T00:00:00Z" })
      expect(recordOf(busy, SAMPLE_ORDER_A.id)).toEqual(expect.objectContaining({ outcome: "failed", reason: expect.stringContaining("Another import run") }))

      // A minute later nothing has touched it: its process is gone.
      const pg = getContainer().resolve("__pg_connection__") as any
      await pg.raw(`update woo_order_link set updated_at = now() - interval '10 minutes' where id = ?`, [link.id])
      const redo = await runImport({ modified_after: "2000-01-01T00:00:00Z" })
      expect(recordOf(redo, SAMPLE_ORDER_A.id).outcome).toBe("imported")
      const { data } = await api.get(`/admin/orders?fields=id,metadata&limit=200`, admin)
      const copies = data.orders.filter((o: any) => Number(o.metadata?.woocommerce_id) === SAMPLE_ORDER_A.id)
      expect(copies).toHaveLength(1) // the half-imported order is gone, the new one alone
      expect(copies[0].id).not.toBe(first.id)
      expect((await query.graph({ entity: "payment_collection", fields: ["id"] })).data.length).toBe(collectionsBefore)
      expect(await wooModule().listWooOrderLinks({ woo_order_id: SAMPLE_ORDER_A.id })).toEqual([
        expect.objectContaining({ state: "imported", medusa_order_id: copies[0].id }),
      ])
    })
    it("an imported order's summary reads as Medusa's own capture and refund leave it: paid, refunded, nothing outstanding", async () => {
      const store = sampleStore()
      store.orders = store.orders.filter((o) => [SAMPLE_ORDER_B.id, SAMPLE_ORDER_F_LEGACY_INVOICE.id, SAMPLE_ORDER_A.id].includes(o.id))
      woo = await startFakeWooCommerce(store)
      await runImport()
      const fields = "total,summary,*transactions,*credit_lines,*payment_collections.payments.refunds"

      const legacy = await importedOrder(SAMPLE_ORDER_F_LEGACY_INVOICE.id, fields)
      expect(legacy.summary).toEqual(expect.objectContaining({ paid_total: 128.8, refunded_total: 0, pending_difference: 0 }))
      expect(legacy.transactions).toEqual([expect.objectContaining({ reference: "capture", amount: 128.8 })])

      const b = await importedOrder(SAMPLE_ORDER_B.id, fields)
      const refunds = b.payment_collections[0].payments[0].refunds
      const refunded = refunds.reduce((sum: number, r: any) => sum + Math.round(r.amount * 100), 0)
      expect(refunded).toBeGreaterThan(0)
      expect(b.transactions.filter((t: any) => t.reference === "refund").map((t: any) => t.reference_id).sort()).toEqual(refunds.map((r: any) => r.id).sort())
      expect(b.credit_lines.map((c: any) => Math.round(c.amount * 100))).toEqual([refunded])
      expect(Math.round(b.summary.refunded_total * 100)).toBe(refunded)
      expect(b.summary.pending_difference).toBe(0)

      const open = await importedOrder(SAMPLE_ORDER_A.id, fields)
      expect(open.transactions).toEqual([]) // an open reservation: nothing paid yet
      expect(Math.round(open.summary.pending_difference * 100)).toBe(299480)

      // A re-run that changes nothing adds nothing.
      await runImport({ modified_after: "2000-01-01T00:00:00Z" })
      expect((await importedOrder(SAMPLE_ORDER_B.id, fields)).transactions).toHaveLength(b.transactions.length)
    })
  },
})
