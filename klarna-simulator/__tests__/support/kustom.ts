import axios, { type AxiosInstance } from "axios"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { cart, type Harness } from "./harness"

export const KUSTOM_USER = { username: "PM_sim_kustom", password: "kco_sim_password" }

/** Kustom API client (base URL `<sim>/kustom`) with Kustom's default credential. */
export const kustomApi = (h: Harness, auth = KUSTOM_USER): AxiosInstance =>
  axios.create({ baseURL: h.sim.kustomUrl, validateStatus: () => true, timeout: 5000, auth })

export const kom = (orderId: string, suffix = "") => `/ordermanagement/v1/orders/${orderId}${suffix}`

/** The harness cart as a Checkout v3 order with the four required merchant URLs. */
export function checkoutBody(merchantUrl: string, overrides: Record<string, unknown> = {}, urls: Record<string, unknown> = {}) {
  return cart({
    merchant_urls: {
      terms: `${merchantUrl}/terms`,
      checkout: `${merchantUrl}/checkout`,
      confirmation: `${merchantUrl}/confirmation?o={checkout.order.id}`,
      push: `${merchantUrl}/push?o={checkout.order.id}`,
      ...urls,
    },
    ...overrides,
  })
}

export async function createCheckout(k: AxiosInstance, body: Record<string, unknown>): Promise<string> {
  const res = await k.post("/checkout/v3/orders", body)
  if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.data)}`)
  return res.data.order_id
}

export async function complete(h: Harness, orderId: string, body: Record<string, unknown> = {}) {
  return h.raw.post(`/_sim/kustom/checkouts/${orderId}/complete`, body)
}

export interface MerchantRequest {
  method: string
  path: string
  /** The raw body ("" when none). */
  body: string
  contentType?: string
}

export interface MerchantAnswer {
  status: number
  headers?: Record<string, string>
  delayMs?: number
}

export interface Merchant {
  url: string
  requests: MerchantRequest[]
  /** Requests whose path starts with the given prefix. */
  to(pathPrefix: string): MerchantRequest[]
  close(): Promise<void>
}

/** A tiny merchant: records every request; `answer` decides the status, headers and delay. */
export async function startMerchant(answer: (req: MerchantRequest) => MerchantAnswer = () => ({ status: 200 })): Promise<Merchant> {
  const requests: MerchantRequest[] = []
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      const recorded: MerchantRequest = { method: req.method ?? "", path: req.url ?? "", body, contentType: req.headers["content-type"] }
      requests.push(recorded)
      const { status, headers = {}, delayMs = 0 } = answer(recorded)
      setTimeout(() => {
        if (res.destroyed) return
        res.writeHead(status, headers)
        res.end()
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    to: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
