import http from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, sampleStore, startFakeWooCommerce, type RunningFakeWooCommerce } from "../../fake-woocommerce/src"
import { createAdmin } from "../helpers/admin"
import { runWooImport } from "../../src/workflows/woocommerce-import/run-woo-import"

jest.setTimeout(240_000)

const ALLOW = "WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS"
const KEY = "ck_url_spec_0000000000000000000000000000000001"
const SECRET = "cs_url_spec_secret_000000000000000000000000002"

/** A local HTTP service that is not WooCommerce: answers every request with `handler`, and counts them. */
async function localService(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  let hits = 0
  const server = http.createServer((req, res) => {
    hits += 1
    handler(req, res)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const s = await localService(() => undefined)
  const port = Number(new URL(s.url).port)
  await s.close()
  return port
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    const closers: Array<() => Promise<unknown>> = []
    const allowedBefore = process.env[ALLOW]

    beforeEach(async () => {
      admin = await createAdmin(api, getContainer())
    })
    afterEach(async () => {
      process.env[ALLOW] = allowedBefore
      while (closers.length) await closers.pop()!()
    })

    const start = (body: Record<string, unknown>) =>
      api
        .post("/admin/klarna/woocommerce-imports", { consumer_key: KEY, consumer_secret: SECRET, ...body }, admin)
        .catch((e) => e.response)

    async function finished(id: string) {
      for (let i = 0; i < 400; i++) {
        const { data } = await api.get(`/admin/klarna/woocommerce-imports/${id}`, admin)
        if (data.import.status !== "running") return data.import
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error(`import ${id} still running`)
    }

    async function startAndFinish(shop_url: string, body: Record<string, unknown> = {}) {
      const res = await start({ shop_url, ...body })
      expect(res.status).toBe(202)
      return await finished(res.data.import.id)
    }

    const runCount = async () => (await api.get("/admin/klarna/woocommerce-imports", admin)).data.count

    it("refuses anything but a plain http(s) shop address with 400, stores nothing and echoes no secret", async () => {
      const cases: Array<[string, RegExp]> = [
        ["file:///etc/passwd", /must start with http:\/\/ or https:\/\//],
        ["gopher://127.0.0.1:70/_GET%20/", /must start with http:\/\/ or https:\/\//],
        ["https://wpadmin:hunter2@shop.example.se", /must not contain a user name or password/],
        ["https://shop.example.se/?rest_route=/wp/v2/users", /must not contain a query/],
        ["https://shop.example.se/#/etc/passwd", /must not contain a fragment/],
        ["https://shop.example.se/\u0000", /must not contain control characters/],
        ["https://shop.exa\nmple.se", /must not contain control characters/],
        ["shop.example.se", /web address/],
      ]
      for (const [shop_url, message] of cases) {
        const res = await start({ shop_url })
        expect({ shop_url, status: res.status }).toEqual({ shop_url, status: 400 })
        expect(res.data.message).toMatch(message)
        expect(JSON.stringify(res.data)).not.toMatch(/hunter2|wpadmin/)
        expect(JSON.stringify(res.data)).not.toContain(SECRET)
      }
      expect(await runCount()).toBe(0)
    })

    it("refuses control characters in the other fields with 400, not a database error", async () => {
      const shop_url = "https://shop.example.se"
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ consumer_key: "ck_\u0000" }, /consumer_key must not contain control characters/],
        [{ consumer_secret: "cs_\u0000" }, /consumer_secret must not contain control characters/],
        [{ statuses: ["processing\u0000"] }, /statuses must not contain control characters/],
        [{ sales_channel_id: "sc_\u0000" }, /sales_channel_id must not contain control characters/],
        [{ after: "2025-01-01\u0000" }, /after must not contain control characters/],
      ]
      for (const [fields, message] of cases) {
        const res = await start({ shop_url, ...fields })
        expect({ fields, status: res.status }).toEqual({ fields, status: 400 })
        expect(res.data.message).toMatch(message)
      }
      expect(await runCount()).toBe(0)
    })

    it(`refuses this machine and private networks unless ${ALLOW}=true, read on every request`, async () => {
      const woo: RunningFakeWooCommerce = await startFakeWooCommerce(sampleStore())
      closers.push(() => woo.close())
      const port = new URL(woo.url).port
      delete process.env[ALLOW]
      for (const shop_url of [
        woo.url,
        `http://localhost:${port}`,
        `http://[::1]:${port}`,
        `http://[::ffff:127.0.0.1]:${port}`,
        `http://0x7f.1:${port}`,
        "http://10.0.0.8",
        "http://169.254.169.254",
        "http://192.168.1.1",
      ]) {
        const res = await start({ shop_url })
        expect({ shop_url, status: res.status }).toEqual({ shop_url, status: 400 })
        expect(res.data.message).toMatch(/a local or private network address; imports started from the admin only read shops on the public internet/)
      }
      expect(woo.requests()).toHaveLength(0)
      expect(await runCount()).toBe(0)

      process.env[ALLOW] = "true"
      const run = await startAndFinish(woo.url, { consumer_key: DEFAULT_CONSUMER_KEY, consumer_secret: DEFAULT_CONSUMER_SECRET })
      expect(run).toEqual(expect.objectContaining({ status: "completed", error: null }))
      expect(woo.requests().length).toBeGreaterThan(0)
    })

    it("a service that is not WooCommerce answering 500: the run fails with a generic message, not the service's text", async () => {
      const service = await localService((_req, res) => {
        res.writeHead(500, { "content-type": "application/json" })
        res.end(JSON.stringify({ code: "internal_error", message: "root:x:0:0:root:/root:/bin/bash" }))
      })
      closers.push(service.close)
      const run = await startAndFinish(service.url)
      expect(run.status).toBe("failed")
      expect(run.finished_at).toBeTruthy()
      expect(run.error).toBe("The shop answered HTTP 500 for /wp-json/wc/v3/orders after 6 attempt(s); it is not a WooCommerce REST API response.")

      const { data: list } = await api.get("/admin/klarna/woocommerce-imports", admin)
      expect(list.imports[0]).toEqual(expect.objectContaining({ id: run.id, shop_url: service.url, error: run.error }))
      const everything = JSON.stringify([list, await api.get(`/admin/klarna/woocommerce-imports/${run.id}`, admin).then((r) => r.data)])
      expect(everything).not.toMatch(/root:x|internal_error/)
      expect(everything).not.toContain(SECRET)
      expect(everything).not.toContain(KEY)
    })

    it("WooCommerce's own error (woocommerce_rest_*) is shown in the run's error", async () => {
      const service = await localService((_req, res) => {
        res.writeHead(401, { "content-type": "application/json; charset=UTF-8" })
        res.end(JSON.stringify({ code: "woocommerce_rest_authentication_error", message: "Consumer key is invalid.", data: { status: 401 } }))
      })
      closers.push(service.close)
      const run = await startAndFinish(service.url)
      expect(run.status).toBe("failed")
      expect(run.error).toMatch(/^WooCommerce rejected the API credentials \(401\)\. WooCommerce said: "Consumer key is invalid\."/)
      expect(service.hits()).toBe(1) // not retried
    })

    it("a shop that refuses the connection: the run ends failed, naming the host", async () => {
      const port = await closedPort()
      const run = await startAndFinish(`http://127.0.0.1:${port}`)
      expect(run.status).toBe("failed")
      expect(run.error).toMatch(new RegExp(`^Could not reach WooCommerce at 127\\.0\\.0\\.1:${port}: ECONNREFUSED`))
    })

    it("a redirect is not followed, so it cannot lead the import past the address check", async () => {
      const target = await localService((_req, res) => res.end("[]"))
      closers.push(target.close)
      const redirector = await localService((req, res) => {
        res.writeHead(302, { location: `${target.url}${req.url}` })
        res.end()
      })
      closers.push(redirector.close)
      const run = await startAndFinish(redirector.url)
      expect(run.status).toBe("failed")
      expect(run.error).toMatch(/redirects are not followed/)
      expect(target.hits()).toBe(0)
    })

    it("a run that cannot even start (a stored URL that is not http) ends failed, not running", async () => {
      const woo = getContainer().resolve("woocommerceImport") as any
      const run = await woo.createWooImportRuns({ shop_url: "file:///etc/passwd", started_at: new Date(), status: "running", options: {} })
      await expect(runWooImport(getContainer(), run.id, { consumer_key: KEY, consumer_secret: SECRET })).rejects.toThrow(/must start with http/)
      expect(await woo.retrieveWooImportRun(run.id)).toEqual(
        expect.objectContaining({ status: "failed", finished_at: expect.anything(), error: expect.stringMatching(/must start with http:\/\/ or https:\/\//) })
      )
    })

    it("a run whose process stopped (no progress for 30 minutes) is marked interrupted when runs are read", async () => {
      const woo = getContainer().resolve("woocommerceImport") as any
      const [stale, alive] = await woo.createWooImportRuns([
        { shop_url: "https://shop.example.se", started_at: new Date(Date.now() - 3 * 3600_000), status: "running", options: {} },
        { shop_url: "https://shop.example.se", started_at: new Date(), status: "running", options: {} },
      ])
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await pg("woo_import_run").update({ updated_at: new Date(Date.now() - 31 * 60_000) }).where({ id: stale.id })

      const { data } = await api.get("/admin/klarna/woocommerce-imports", admin)
      const byId = new Map<string, any>(data.imports.map((r: any) => [r.id, r]))
      expect(byId.get(stale.id)).toEqual(expect.objectContaining({ status: "failed", error: expect.stringMatching(/^The import was interrupted/) }))
      expect(byId.get(alive.id)).toEqual(expect.objectContaining({ status: "running", error: null }))
      const { data: one } = await api.get(`/admin/klarna/woocommerce-imports/${stale.id}`, admin)
      expect(one.import.status).toBe("failed")
    })
  },
})
