import fs from "node:fs"
import path from "node:path"
import axios from "axios"
import { chromium, type Browser, type Page } from "playwright-core"
import { placeDemoOrder } from "../../scripts/lib/place-demo-order"
import { DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, sampleStore, startFakeWooCommerce } from "../../fake-woocommerce/src"

jest.setTimeout(240_000)

const baseUrl = process.env.BROWSER_BASE_URL!
const dataDir = process.env.MEDUSA_KLARNA_DATA_DIR!
// A dot folder: `medusa develop` does not restart for it, and git ignores it.
const artifacts = path.resolve(__dirname, "../../.artifacts")
const runtime = () => JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8"))
const simOrder = async (id: string) => (await axios.get(`${runtime().simulator_url}/_sim/orders/${id}`)).data

let browser: Browser
let page: Page
let token: string

async function adminApi() {
  if (!token) {
    const { data } = await axios.post(`${baseUrl}/auth/user/emailpass`, { email: "admin@example.com", password: "supersecret" })
    token = data.token
  }
  return axios.create({ baseURL: baseUrl, headers: { authorization: `Bearer ${token}` } })
}

async function klarnaState(orderId: string) {
  return (await (await adminApi()).get(`/admin/klarna/orders/${orderId}`)).data
}

async function confirmPrompt() {
  await page.getByRole("alertdialog").getByRole("button").last().click()
}

beforeAll(async () => {
  fs.mkdirSync(artifacts, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill("admin@example.com")
  await page.locator('input[name="password"]').fill("supersecret")
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/app\/(orders)?/, { timeout: 120_000 })
})

afterAll(async () => {
  await browser?.close()
})

describe("Klarna in the Medusa admin", () => {
  let orderId: string

  it("shows the Klarna widget with the right amounts on a Klarna order placed through the store API", async () => {
    const placed = await placeDemoOrder({ dataDir, quantities: [1, 2] }) // 299 + 2 × 649,50 + 49 shipping
    orderId = placed.order_id!
    await page.goto(`${baseUrl}/app/orders/${orderId}`)
    const widget = page.getByTestId("klarna-widget")
    await widget.waitFor({ timeout: 120_000 })
    await expect(page.getByTestId("klarna-status").textContent()).resolves.toBe("AUTHORIZED")
    await expect(page.getByTestId("klarna-authorized").textContent()).resolves.toBe("1 647,00 SEK")
    await expect(page.getByTestId("klarna-captured").textContent()).resolves.toBe("0,00 SEK")
    await widget.screenshot({ path: path.join(artifacts, "klarna-order-widget.png") })
  })

  it("completes the order from the widget: the capture appears in the widget and in Klarna", async () => {
    await page.getByTestId("klarna-complete").click()
    await confirmPrompt()
    await page.getByTestId("klarna-status").filter({ hasText: "CAPTURED" }).waitFor({ timeout: 60_000 })
    await expect(page.getByTestId("klarna-captured").textContent()).resolves.toBe("1 647,00 SEK")
    await page.getByTestId("klarna-event-log").getByText(/Klarna order captured\. Capture amount: 1 647,00 SEK/).waitFor()
    const state = await klarnaState(orderId)
    expect((await simOrder(state.klarna_order_id)).status).toBe("CAPTURED")
  })

  it("shows the tracking number a shipment added to the capture", async () => {
    const api = await adminApi()
    const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`)
    const items = data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
    await api.post(`/admin/orders/${orderId}/fulfillments`, { items })
    const { data: f } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`)
    await api.post(`/admin/orders/${orderId}/fulfillments/${f.order.fulfillments[0].id}/shipments`, {
      items,
      labels: [{ tracking_number: "PN-123456789SE", tracking_url: "https://tracking.postnord.com/PN-123456789SE", label_url: "https://label.example/1" }],
    })
    await page.reload()
    const tracking = page.getByTestId("klarna-capture-tracking-number").filter({ hasText: "PN-123456789SE" })
    await tracking.waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("klarna-capture-tracking-company").first().textContent()).toContain("PostNord")
  })

  it("issues a good-will refund after previewing its VAT split", async () => {
    await page.getByTestId("klarna-refund-open").click()
    await page.getByTestId("klarna-refund-amount").fill("100")
    await page.getByTestId("klarna-refund-preview-button").click()
    await page.getByTestId("klarna-refund-preview").getByText(/Good-will refund: good-will, 25 % VAT/).waitFor()
    await page.getByTestId("klarna-refund-confirm").click()
    await page.getByTestId("klarna-refunded").filter({ hasText: "100,00 SEK" }).waitFor({ timeout: 60_000 })
    const state = await klarnaState(orderId)
    expect((await simOrder(state.klarna_order_id)).refunded_amount).toBe(10000)
    await page.getByTestId("klarna-widget").screenshot({ path: path.join(artifacts, "klarna-order-widget-after-refund.png") })
  })

  it("shows the reservation's expiry, and leaves an order alone from the widget with the admin's reason", async () => {
    const placed = await placeDemoOrder({ dataDir, quantities: [1, 0] })
    const id = placed.order_id!
    await page.goto(`${baseUrl}/app/orders/${id}`)
    await page.getByTestId("klarna-widget").waitFor({ timeout: 120_000 })
    expect(await page.getByTestId("klarna-expiry-date").textContent()).toMatch(/Reservation expires on \d{4}-\d{2}-\d{2} \(in 2[78] days\)/)
    await page.getByTestId("klarna-automation-switch").click()
    await page.getByTestId("klarna-automation-reason").fill("Customer collects in store")
    await page.getByTestId("klarna-automation-confirm-off").click()
    await page.getByTestId("klarna-automation-off").filter({ hasText: "Customer collects in store" }).waitFor({ timeout: 30_000 })
    expect((await klarnaState(id)).automation).toEqual(expect.objectContaining({ enabled: false, reason: "Customer collects in store" }))
    // Completing the order now captures nothing: the event log says the order was left alone.
    await (await adminApi()).post(`/admin/orders/${id}/complete`, {})
    await page.reload()
    await page.getByTestId("klarna-event-log").getByText(/Automatic Klarna management is off for this order .*Customer collects in store/).first().waitFor({ timeout: 60_000 })
    expect((await simOrder((await klarnaState(id)).klarna_order_id)).status).toBe("AUTHORIZED")
  })

  it("shows a capture Klarna refused on the order's widget until the merchant retries it", async () => {
    const sim = runtime().simulator_url
    await axios.post(`${sim}/_sim/faults`, { method: "POST", path: "/captures", status: 403, times: 0 })
    let placed: Awaited<ReturnType<typeof placeDemoOrder>>
    try {
      placed = await placeDemoOrder({ dataDir, quantities: [1, 0] })
      await (await adminApi()).post(`/admin/orders/${placed.order_id}/complete`, {})
      for (let i = 0; i < 60 && !(await klarnaState(placed.order_id!)).attention?.length; i++) {
        await new Promise((r) => setTimeout(r, 500))
      }
    } finally {
      await axios.delete(`${sim}/_sim/faults`)
    }
    await page.goto(`${baseUrl}/app/orders/${placed!.order_id}`)
    const item = page.getByTestId("klarna-attention-item")
    await item.waitFor({ timeout: 120_000 })
    await item.getByText(/capture/i).first().waitFor()
    await page.getByTestId("klarna-widget").screenshot({ path: path.join(artifacts, "klarna-order-widget-attention.png") })
    await page.getByTestId("klarna-attention-retry").click()
    await page.getByTestId("klarna-status").filter({ hasText: "CAPTURED" }).waitFor({ timeout: 60_000 })
    await expect(page.getByTestId("klarna-attention-item").count()).resolves.toBe(0)
    expect((await klarnaState(placed!.order_id!)).attention).toEqual([])
  })

  it("turns a toggle off in Settings → Klarna and the next order is not captured on completion", async () => {
    await page.goto(`${baseUrl}/app/settings/klarna`)
    const toggle = page.getByTestId("toggle-capture_on_complete-pay_later")
    await toggle.waitFor({ timeout: 120_000 })
    await expect(toggle.getAttribute("aria-checked")).resolves.toBe("true")
    await toggle.click()
    await page.getByTestId("klarna-settings-save").click()
    await page.getByText("Klarna settings saved").waitFor()
    await page.screenshot({ path: path.join(artifacts, "klarna-settings.png"), fullPage: true })

    const placed = await placeDemoOrder({ dataDir, quantities: [1, 0] })
    await (await adminApi()).post(`/admin/orders/${placed.order_id}/complete`, {})
    let state: any
    const captureEntry = () => state?.events.find((e: any) => e.action === "capture")
    for (let i = 0; i < 60; i++) {
      state = await klarnaState(placed.order_id!)
      if (captureEntry()) break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(captureEntry()).toEqual(expect.objectContaining({ action: "capture", outcome: "skipped" }))
    expect((await simOrder(state.klarna_order_id)).status).toBe("AUTHORIZED")

    await page.getByTestId("klarna-test-connection").click()
    await page.getByText(/Connected: Klarna accepted the credentials/).waitFor()
    // Kustom's connection (Klarna Checkout orders) beside Klarna's, tested on its own.
    expect(await page.getByTestId("kustom-connection").textContent()).toMatch(/^Local Kustom simulator at http:\/\/127\.0\.0\.1:\d+\/kustom$/)
    await page.getByTestId("kustom-test-connection").click()
    await page.getByText(/Connected: Kustom accepted the credentials/).waitFor()
  })

  it("shows Klarna's payout of the captured order in Settings → Klarna settlements, matched to its Medusa order", async () => {
    // The first test's order was captured: Klarna pays it out (the simulator, a week ahead).
    const until = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString()
    const { data } = await axios.post(`${runtime().simulator_url}/_sim/settlements/payouts`, { until })
    expect(data.payouts.length).toBeGreaterThan(0)
    await page.goto(`${baseUrl}/app/settings/klarna-settlements`)
    await page.getByTestId("klarna-settlements-sync").click()
    const row = page.getByTestId("klarna-payouts").getByRole("row").nth(1)
    await row.waitFor({ timeout: 60_000 })
    expect(Number(await page.getByTestId("klarna-payout-matched").first().textContent())).toBeGreaterThan(0)
    await row.click()
    await page.getByTestId("klarna-payout-order-link").first().waitFor({ timeout: 30_000 })
    // The sale is matched to the Medusa capture; Klarna's fee on it is attached to the same order.
    const states = await page.getByTestId("klarna-payout-match-state").allTextContents()
    expect(states.map((t) => t.trim().toLowerCase())).toEqual(expect.arrayContaining(["matched", "attached"]))
  })

  it("runs a small import from the fake WooCommerce and shows its report", async () => {
    const woo = await startFakeWooCommerce(sampleStore())
    try {
      await page.goto(`${baseUrl}/app/settings/woocommerce-import`)
      await page.getByTestId("woo-url").waitFor({ timeout: 120_000 })
      await page.getByTestId("woo-url").fill(woo.url)
      await page.getByTestId("woo-key").fill(DEFAULT_CONSUMER_KEY)
      await page.getByTestId("woo-secret").fill(DEFAULT_CONSUMER_SECRET)
      await page.getByTestId("woo-start").click()
      await page.getByTestId("woo-run-status").filter({ hasText: "completed" }).waitFor({ timeout: 120_000 })
      await expect(page.getByTestId("woo-run-summary").textContent()).resolves.toMatch(/imported [1-9]\d* .* failed 1/)
      await page.getByTestId("woo-failures").getByText(/not imported/).first().waitFor()
      await expect(page.getByTestId("woo-secret").inputValue()).resolves.toBe("")
      await page.screenshot({ path: path.join(artifacts, "woocommerce-import.png"), fullPage: true })

      // The legacy Klarna invoice order: its Klarna history, read-only, on the order page.
      const { data } = await (await adminApi()).get(`/admin/orders?fields=id,metadata&limit=100`)
      const legacy = data.orders.find((o: any) => o.metadata?.woocommerce_id === 12007)
      expect(legacy).toBeDefined()
      await page.goto(`${baseUrl}/app/orders/${legacy.id}`)
      await page.getByTestId("klarna-history").waitFor({ timeout: 120_000 })
      await expect(page.getByTestId("klarna-history-invoice").textContent()).resolves.toBe("900123456")
      await expect(page.getByTestId("klarna-history-reservation").textContent()).resolves.toBe("3301234567")
      await expect(page.getByTestId("klarna-history-gateway").textContent()).resolves.toBe("Klarna Faktura (klarna_invoice)")
      await page.screenshot({ path: path.join(artifacts, "klarna-history.png"), fullPage: true })
    } finally {
      await woo.close()
    }
  })
})
