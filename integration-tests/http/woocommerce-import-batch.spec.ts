import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedDemoStore } from "../../demo/seed-demo-store"
import { startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type RunningFakeWooCommerce } from "../../fake-woocommerce/src"
import { mapWooOrder, type ImportedOrderDraft } from "../../src/woocommerce"
import { createWooImportRun, runWooImport } from "../../src/workflows/woocommerce-import/run-woo-import"
import { importWooOrder, type ImportOrderOptions } from "../../src/workflows/woocommerce-import/import-woo-order"
import { importWooOrdersBatch } from "../../src/workflows/woocommerce-import/import-woo-orders-batch"
import { batchEquivalenceStore, withEmailTag, EXISTING_CUSTOMER } from "../helpers/woo-import-fixtures"
import { customersSnapshot, importedOrdersSnapshot, normalizeImported } from "../helpers/imported-orders-snapshot"

jest.setTimeout(300_000)

const credentials = { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET }
type Tweak = (drafts: ImportedOrderDraft[], tag: string) => ImportedOrderDraft[]

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const servers: RunningFakeWooCommerce[] = []

    beforeEach(async () => {
      const container = getContainer()
      await seedDemoStore(container)
      await createRegionsWorkflow(container).run({ input: { regions: [{ name: "Suomi", currency_code: "eur", countries: ["fi"] }] } })
    })
    afterEach(async () => {
      jest.restoreAllMocks()
      await Promise.all(servers.splice(0).map((s) => s.close()))
    })

    const tagged = (email: string, tag: string) => email.replace("@", `+${tag}@`)

    /** What an import made, normalized so that two imports of the same shop (tagged emails, own shop URL) compare. */
    async function made(container: MedusaContainer, shopUrl: string, tag: string, outcomes: unknown[]) {
      const rewrite = (s: string) => s.split(shopUrl).join("<shop>").split(`+${tag}@`).join("@")
      // A database error's reason shows the rows it refused, with their ids and times; Klarna's, its correlation id.
      const reason = (s: string) =>
        rewrite(s)
          .replace(/\b[a-z]+_[0-9A-HJKMNP-TV-Z]{26}\b/g, "<id>")
          .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>")
          .replace(/correlation id [0-9a-f-]{36}/g, "correlation id <id>") // each Klarna answer has its own
      return {
        outcomes: normalizeImported(outcomes, reason),
        orders: await importedOrdersSnapshot(container, shopUrl, rewrite),
        customers: await customersSnapshot(container, tag, rewrite),
      }
    }

    /** The equivalence shop imported by a run, page by page, batched or per order. */
    async function importShop(container: MedusaContainer, tag: string, batch: boolean) {
      await container.resolve(Modules.CUSTOMER).createCustomers([{ ...EXISTING_CUSTOMER, email: tagged(EXISTING_CUSTOMER.email, tag) }])
      const woo = await startFakeWooCommerce(withEmailTag(batchEquivalenceStore(), tag))
      servers.push(woo)
      const run = await createWooImportRun(container, woo.url, { klarna_only: false, per_page: 50, batch })
      await runWooImport(container, run.id, credentials, undefined, { allowPrivateHosts: true })
      const records = await (container.resolve("woocommerceImport") as any).listWooImportRecords({ run_id: run.id })
      const outcomes = records.map((r: any) => ({ woo_order_id: r.woo_order_id, outcome: r.outcome, reason: r.reason, klarna_order_id: r.klarna_order_id, differences: r.differences, medusa_order_id: r.medusa_order_id }))
      return made(container, woo.url, tag, outcomes)
    }

    /** The equivalence shop's mapped orders, changed by `tweak`, imported by importWooOrdersBatch or one importWooOrder call each. */
    async function importDrafts(container: MedusaContainer, tag: string, batch: boolean, tweak: Tweak, reconcile = false) {
      await container.resolve(Modules.CUSTOMER).createCustomers([{ ...EXISTING_CUSTOMER, email: tagged(EXISTING_CUSTOMER.email, tag) }])
      const shop_url = `https://${tag}.shop.example`
      const store = withEmailTag(batchEquivalenceStore(), tag)
      const mapped = store.orders.map((o) => mapWooOrder(o, { refunds: store.refunds[o.id], notes: store.notes[o.id], shopUrl: shop_url }))
      const drafts = tweak(mapped.flatMap((m) => (m.ok ? [m.draft] : [])), tag)
      const options: ImportOrderOptions = { shop_url, dry_run: false, reconcile }
      const outcomes = []
      if (batch) {
        outcomes.push(...(await importWooOrdersBatch(container, drafts, options)))
      } else {
        for (const draft of drafts) {
          outcomes.push(await importWooOrder(container, draft, options).catch((e) => ({ outcome: "failed", reason: e.message, klarna_order_id: draft.klarna.klarna_order_id })))
        }
      }
      return made(container, shop_url, tag, outcomes.map((o, i) => ({ woo_order_id: drafts[i].woo_id, ...o })))
    }

    it("the batched import makes the same Medusa orders, payments, customers and links as the per-order path", async () => {
      const container = getContainer()
      const warn = jest.spyOn(container.resolve("logger") as any, "warn")
      const perOrder = await importShop(container, "p", false)
      const batched = await importShop(container, "b", true)
      expect(warn).not.toHaveBeenCalledWith(expect.stringContaining("batch failed"))

      // What the comparison covers, as the per-order path made it.
      const outcome = (id: number) => (perOrder.outcomes as any[]).find((r) => r.woo_order_id === id)
      for (const id of [12007, 48213, 48377, 48402, 48415, 48420, 48441, 48450, 48470, 48490]) expect(outcome(id).outcome).toBe("imported")
      expect(outcome(48480)).toEqual(expect.objectContaining({ outcome: "failed", reason: expect.stringContaining("No Medusa region sells in USD") }))
      const orders = perOrder.orders as Record<string, any>
      const payment = (id: number) => orders[id].payment_collections[0].payments[0]
      expect(payment(48377)).toEqual(expect.objectContaining({ provider_id: "pp_klarna_klarna", captured_at: "<set>", refunds: [expect.objectContaining({ amount: 119 })] })) // captured, part-refunded
      expect(orders[48377].transactions.map((t: any) => [t.reference, t.amount])).toEqual(expect.arrayContaining([["capture", 1135], ["refund", -119]]))
      expect(orders[48377].transactions).toHaveLength(2)
      expect(orders[48377].credit_lines).toEqual([expect.objectContaining({ reference: "refund", amount: 119 })])
      expect(orders[48377].summary).toEqual(expect.objectContaining({ paid_total: 1135, refunded_total: 119, pending_difference: 0 }))
      expect(payment(48415)).toEqual(expect.objectContaining({ canceled_at: "<set>", captured_at: null })) // cancelled
      expect(orders[48415].payment_collections[0].status).toBe("canceled")
      expect(payment(48420).refunds).toHaveLength(1) // fully refunded
      expect(payment(12007).provider_id).toBe("pp_system_default") // legacy klarna_invoice
      expect(payment(48490).provider_id).toBe("pp_system_default") // Klarna, not managed in Klarna
      expect(payment(48441).provider_id).toBe("pp_system_default") // bank transfer, as history
      expect(orders[48377].link).toEqual(expect.objectContaining({ state: "imported", woo_status: "completed", woo_modified_at: expect.stringMatching(/^2025-/) }))
      expect(orders[48470]).toEqual(expect.objectContaining({ currency_code: "eur", total: 143.07 }))
      expect(orders[48470].items.map((i: any) => i.title)).toContain("Laskutuslisä") // invoice fee
      expect(orders[48470].items.flatMap((i: any) => i.tax_lines.map((t: any) => t.rate))).toContain(25.5)
      expect(orders[48470].items.find((i: any) => i.variant_sku === "TSHIRT-PINK").variant_id).toBe("<id>")
      expect(orders[48420].customer).toEqual(expect.objectContaining({ first_name: "Existing", metadata: null })) // reused
      expect(orders[48490].customer.email).toBe("erik.johansson@example.se") // B's customer, created once

      expect(batched).toEqual(perOrder)
    })

    it("orders the batch rejects get the per-order path's reasons, and their customers are what that path leaves", async () => {
      const container = getContainer()
      const tweak: Tweak = (drafts, tag) =>
        drafts.map((d) => {
          const off = { ...d.totals, total: d.totals.total + 1 } // a total Medusa's order cannot come out at
          if (d.woo_id === 48213) return { ...d, email: tagged("only-rejected@example.se", tag), totals: off }
          // Rejected before the Finnish order that shares its (new) email: the customer must be the Finnish order's.
          if (d.woo_id === 48450) return { ...d, email: tagged("aino.virtanen@example.fi", tag), totals: off }
          if (d.woo_id === 48402) return { ...d, email: null, customer: { ...d.customer, email: null } }
          // A refund of a payment nothing was captured of: Medusa's ledger refuses it (the batch leaves it to the per-order path).
          if (d.woo_id === 48415) return { ...d, refunds: [{ ...d.refunds[0], woo_refund_id: 1, amount: 100, reason: "Goodwill" } as any] }
          return d
        })
      const perOrder = await importDrafts(container, "p", false, tweak)
      const batched = await importDrafts(container, "b", true, tweak)

      const outcomes = perOrder.outcomes as any[]
      expect(outcomes.filter((o) => o.outcome === "failed").map((o) => o.reason)).toEqual(
        expect.arrayContaining([
          expect.stringContaining("the Medusa order would total"),
          "The order has no customer email.",
          expect.stringContaining("cannot refund more than what is captured"),
          expect.stringContaining("No Medusa region sells in USD"),
        ])
      )
      expect((perOrder.orders as any)[48470].customer).toEqual(expect.objectContaining({ first_name: "Aino", last_name: "Virtanen" }))
      expect((perOrder.customers as any[]).map((c) => c.email)).not.toContain("only-rejected@example.se")

      expect(batched).toEqual(perOrder)
    })

    it("a page whose batch fails is undone and imported order by order, each order with its own outcome", async () => {
      const container = getContainer()
      const warn = jest.spyOn(container.resolve("logger") as any, "warn")
      // A line without a title: the order module refuses the page's orders at once, and this order alone when alone.
      const tweak: Tweak = (drafts) => drafts.map((d) => (d.woo_id === 48213 ? { ...d, items: [{ ...d.items[0], title: null as any }, ...d.items.slice(1)] } : d))
      const perOrder = await importDrafts(container, "p", false, tweak)
      const batched = await importDrafts(container, "b", true, tweak)
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("batch failed"))
      expect((perOrder.outcomes as any[]).filter((o) => o.outcome === "failed")).toHaveLength(2) // the titleless order and the USD one
      expect((batched.orders as any).unlinked).toBe(0) // the undone page left no order behind
      expect(batched).toEqual(perOrder)
    })

    it("an order twice in a page is imported once, the second copy found unchanged as the per-order path finds it", async () => {
      const container = getContainer()
      const twice: Tweak = (drafts) => [...drafts, drafts.find((d) => d.woo_id === 48377)!]
      const perOrder = await importDrafts(container, "p", false, twice)
      const batched = await importDrafts(container, "b", true, twice)
      const copies = (perOrder.outcomes as any[]).filter((o) => o.woo_order_id === 48377).map((o) => o.outcome)
      expect(copies.sort()).toEqual(["imported", "unchanged"])
      expect(batched).toEqual(perOrder)
    })

    it("reconciling with Klarna, the batch reads each current Klarna order and reports what the per-order path reports", async () => {
      const container = getContainer()
      const perOrder = await importDrafts(container, "p", false, (d) => d, true)
      const batched = await importDrafts(container, "b", true, (d) => d, true)
      // The simulator has none of the shop's Klarna orders: each read fails, is reported, and WooCommerce's amounts are used.
      const outcomes = perOrder.outcomes as any[]
      expect(outcomes.filter((o) => o.differences?.some((d: string) => d.startsWith("Klarna could not confirm the order"))).length).toBeGreaterThan(5)
      expect(outcomes.find((o) => o.klarna_order_id === null && o.outcome === "imported")?.differences).toBeUndefined() // a legacy order is not read
      expect(batched).toEqual(perOrder)
    })

    it("a page that fails at its last write is undone whole (links, orders, payments, new customers) before it is imported order by order", async () => {
      const container = getContainer()
      const woo = container.resolve("woocommerceImport") as any
      const query = container.resolve("query") as any
      const collections = async () => (await query.graph({ entity: "payment_collection", fields: ["id"] })).data.length
      const perOrder = await importDrafts(container, "p", false, (d) => d)
      const before = await collections()
      // The batch's confirmation of its links fails once; the per-order path's own confirmations then succeed.
      const confirm = jest.spyOn(woo, "updateWooOrderLinks").mockRejectedValueOnce(new Error("the database went away"))
      const batched = await importDrafts(container, "b", true, (d) => d)
      const imported = (perOrder.outcomes as any[]).filter((o) => o.outcome === "imported").length
      expect(imported).toBeGreaterThan(5)
      expect(confirm.mock.calls[0][0]).toHaveLength(imported) // the whole page's links at once
      expect(batched).toEqual(perOrder)
      expect((batched.orders as any).unlinked).toBe(0)
      expect((await collections()) - before).toBe(before) // one per imported order, none left by the undone page
    })
  },
})
