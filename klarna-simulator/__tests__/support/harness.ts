import axios, { type AxiosInstance } from "axios"
import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { startKlarnaSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/index"

export const USER = { username: "sim_user", password: "sim_password" }

export interface Harness {
  sim: RunningSimulator
  /** Klarna API client with valid Basic credentials. */
  api: AxiosInstance
  /** Unauthenticated client for /_sim and negative auth tests. */
  raw: AxiosInstance
}

export async function startHarness(opts: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startKlarnaSimulator({ port: 0, ...opts })
  const common = { baseURL: sim.url, validateStatus: () => true, timeout: 5000 }
  return {
    sim,
    api: axios.create({ ...common, auth: USER }),
    raw: axios.create(common),
  }
}

/** 2 × 5000 at 25 % VAT plus 500 shipping: order_amount 10500, order_tax_amount 2100. */
export function cart(overrides: Record<string, unknown> = {}) {
  return {
    purchase_country: "SE",
    purchase_currency: "SEK",
    locale: "sv-SE",
    order_amount: 10500,
    order_tax_amount: 2100,
    order_lines: [
      { type: "physical", reference: "SKU-1", name: "Shirt", quantity: 2, unit_price: 5000, tax_rate: 2500, total_amount: 10000, total_tax_amount: 2000 },
      { type: "shipping_fee", reference: "SHIP", name: "Shipping", quantity: 1, unit_price: 500, tax_rate: 2500, total_amount: 500, total_tax_amount: 100 },
    ],
    ...overrides,
  }
}

export interface ApproveOptions {
  payment_method_category?: string
  payment_method_type?: string
  fraud_status?: string
}

export async function createSession(h: Harness, body: Record<string, unknown> = cart()): Promise<string> {
  const res = await h.api.post("/payments/v1/sessions", body)
  if (res.status !== 200) throw new Error(`session failed: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data.session_id
}

export async function approve(h: Harness, sessionId: string, opts: ApproveOptions = {}): Promise<string> {
  const res = await h.raw.post(`/_sim/sessions/${sessionId}/approve`, opts)
  if (res.status !== 200) throw new Error(`approve failed: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data.authorization_token
}

/** Session → approval → order. Returns the OM order id. */
export async function placeOrder(
  h: Harness,
  opts: ApproveOptions & { body?: Record<string, unknown>; orderBody?: Record<string, unknown> } = {}
): Promise<string> {
  const sessionId = await createSession(h, opts.body ?? cart())
  const token = await approve(h, sessionId, opts)
  const res = await h.api.post(`/payments/v1/authorizations/${token}/order`, opts.orderBody ?? opts.body ?? cart())
  if (res.status !== 200) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data.order_id
}

export const om = (orderId: string, suffix = "") => `/ordermanagement/v1/orders/${orderId}${suffix}`

export async function getOrder(h: Harness, orderId: string) {
  const res = await h.api.get(om(orderId))
  if (res.status !== 200) throw new Error(`get order failed: ${res.status}`)
  return res.data
}

export interface Received {
  path: string
  body: unknown
}

/** A tiny merchant endpoint that records JSON callbacks. */
export async function startReceiver(status = 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = ""
    req.on("data", (c) => (data += c))
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: data ? JSON.parse(data) : undefined })
      res.statusCode = status
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export const waitFor = async (cond: () => boolean, ms = 2000): Promise<void> => {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error("condition not met in time")
    await new Promise((r) => setTimeout(r, 10))
  }
}
