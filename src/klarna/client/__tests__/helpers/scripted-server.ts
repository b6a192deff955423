/**
 * A real HTTP server on 127.0.0.1:<random> that answers from a script, one reply per
 * request, and records what it received. Used instead of mocking axios.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  at: number
}

export type ScriptedReply =
  | {
      status: number
      headers?: Record<string, string>
      /** Objects are sent as JSON; strings as-is. */
      body?: unknown
    }
  /** Never answer (client timeout). */
  | { hang: true }
  /** Send headers, then one byte every intervalMs, never finishing. */
  | { trickle: number }

export class ScriptedServer {
  readonly requests: RecordedRequest[] = []
  private readonly replies: ScriptedReply[] = []
  private fallback: ScriptedReply = { status: 599, body: { error_code: "UNSCRIPTED" } }
  private readonly timers = new Set<NodeJS.Timeout>()

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(): Promise<ScriptedServer> {
    let self!: ScriptedServer
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        self.requests.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          at: Date.now(),
        })
        self.answer(res, self.replies.shift() ?? self.fallback)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as AddressInfo
    self = new ScriptedServer(server, `http://127.0.0.1:${port}`)
    return self
  }

  /** Queue replies, consumed in order. */
  script(...replies: ScriptedReply[]): this {
    this.replies.push(...replies)
    return this
  }

  /** Reply used once the script is exhausted. */
  otherwise(reply: ScriptedReply): this {
    this.fallback = reply
    return this
  }

  async close(): Promise<void> {
    this.timers.forEach((t) => clearInterval(t))
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private answer(res: ServerResponse, reply: ScriptedReply): void {
    if ("hang" in reply) {
      return
    }
    if ("trickle" in reply) {
      res.writeHead(200, { "Content-Type": "application/json" })
      res.write(" ")
      const t = setInterval(() => res.write(" "), reply.trickle)
      this.timers.add(t)
      res.on("close", () => clearInterval(t))
      return
    }
    const body =
      reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      ...(body ? { "Content-Type": "application/json" } : {}),
      ...reply.headers,
    })
    res.end(body)
  }
}

/** Klarna-style error reply. */
export function klarnaError(
  status: number,
  code: string,
  message: string,
  correlationId = `corr-${status}-${code}`,
  headers: Record<string, string> = {}
): ScriptedReply {
  return {
    status,
    headers: { "Klarna-Correlation-Id": correlationId, ...headers },
    body: { error_code: code, error_messages: [message], correlation_id: correlationId },
  }
}

/** A port nothing listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

export interface CapturedLogger {
  lines: { level: string; message: string }[]
  debug(m: string): void
  info(m: string): void
  warn(m: string): void
  error(m: string): void
}

export function capturingLogger(): CapturedLogger {
  const lines: { level: string; message: string }[] = []
  const at = (level: string) => (m: unknown) => lines.push({ level, message: String(m) })
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }
}

/** A complete Order Management order, as Klarna returns it. */
export function omOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: "ord-1",
    status: "AUTHORIZED",
    fraud_status: "ACCEPTED",
    order_amount: 10000,
    original_order_amount: 10000,
    captured_amount: 0,
    refunded_amount: 0,
    remaining_authorized_amount: 10000,
    purchase_currency: "EUR",
    purchase_country: "DE",
    locale: "de-DE",
    order_lines: [
      { type: "physical", reference: "SKU-1", name: "Shirt", quantity: 1, unit_price: 10000, tax_rate: 1900, total_amount: 10000, total_tax_amount: 1597 },
    ],
    klarna_reference: "K4MADNY",
    merchant_reference1: "order_01",
    merchant_reference2: null,
    merchant_data: null,
    created_at: "2025-01-01T10:00:00.000Z",
    expires_at: "2025-01-29T10:00:00.000Z",
    captures: [],
    refunds: [],
    initial_payment_method: { type: "INVOICE", description: "Pay later in 14 days", number_of_installments: null },
    ...overrides,
  }
}
