import { SingleBar, Presets } from "cli-progress"
import type { ExecArgs } from "@medusajs/framework/types"
import { WOOCOMMERCE_IMPORT_MODULE, type WooCommerceImportService } from "../src/modules/woocommerce-import"
import { createWooImportRun, runWooImport, type WooImportOptions } from "../src/workflows/woocommerce-import/run-woo-import"
import { checkShopUrl } from "../src/woocommerce/shop-url"
import { excludeWooOrders } from "../src/workflows/woocommerce-import/exclude-woo-orders"

/**
 * Run through `medusa exec` by `npm run import:woocommerce` (this file, in a clone) and by
 * `npx medusa-klarna import-woocommerce` (compiled to .medusa/server/scripts, in an installed package):
 * the import with a progress bar and a summary.
 *
 * The operator runs this on their own machine, so unlike the admin route it may read a shop on
 * localhost or a private network (a staging copy, a Docker container): no host check.
 */
export default async function importWooCommerce({ container }: ExecArgs) {
  const request = JSON.parse(process.env.WOO_IMPORT_REQUEST ?? "{}") as WooImportOptions & { shop_url: string; resume?: string; exclude?: number[] }
  const credentials = { consumer_key: process.env.WOO_IMPORT_KEY ?? "", consumer_secret: process.env.WOO_IMPORT_SECRET ?? "" }
  const { shop_url, resume, exclude, ...options } = request
  const woo = container.resolve<WooCommerceImportService>(WOOCOMMERCE_IMPORT_MODULE)
  const checked = resume ? undefined : checkShopUrl(shop_url)
  if (checked && !checked.ok) {
    console.error(checked.reason)
    process.exitCode = 2
    return
  }
  if (exclude?.length && checked?.ok) {
    await excludeWooOrders(container, checked.url, exclude, "excluded from the command line")
  }
  const run = resume ? await woo.retrieveWooImportRun(resume) : await createWooImportRun(container, shop_url, options)
  if (resume) {
    await woo.updateWooImportRuns({ id: run.id, status: "running", finished_at: null, error: null, heartbeat_at: new Date() as any })
  }
  const bar = new SingleBar(
    { format: " {bar} {percentage}% | {value}/{total} orders | {rate} orders/s | ETA {eta_formatted} | imported {imported}, failed {failed}", hideCursor: true },
    Presets.shades_classic
  )
  const started = Date.now()
  bar.start(1, 0, { rate: "0.0", imported: 0, failed: 0 })
  try {
    const result = await runWooImport(
      container,
      run.id,
      credentials,
      (p) => {
        const seconds = (Date.now() - started) / 1000
        bar.setTotal(Math.max(p.total, p.processed, 1))
        bar.update(p.processed, { rate: (p.processed / Math.max(seconds, 0.001)).toFixed(1), imported: p.imported, failed: p.failed })
      },
      { allowPrivateHosts: true }
    )
    bar.stop()
    const elapsed = (Date.now() - started) / 1000
    const would = run.dry_run ? "would " : ""
    console.log(
      `\nWooCommerce import ${run.id}${run.dry_run ? " (dry run, nothing written)" : ""}: ${would}import ${result.imported}, ${would}update ${result.updated}, ` +
        `unchanged ${result.unchanged}, skipped ${result.skipped}, failed ${result.failed} — ${elapsed.toFixed(1)} s, ` +
        `${(result.processed / Math.max(elapsed, 0.001)).toFixed(1)} orders/s`
    )
    const failures = await woo.listWooImportRecords({ run_id: run.id, outcome: "failed" }, { take: 200 })
    for (const f of failures) {
      console.log(`  ✗ WooCommerce order ${f.woo_order_id}${f.woo_number ? ` (#${f.woo_number})` : ""}: ${f.reason}`)
    }
    if (failures.length && !run.dry_run) {
      console.log(`Later runs retry these until they import; to stop retrying one, add --exclude <its id>.`)
    }
  } catch (e) {
    bar.stop()
    console.error(`\nThe import stopped: ${(e as Error).message}\nResume it with --resume ${run.id}`)
    process.exitCode = 1
  }
}

