import { inspect } from "node:util"
import { KlarnaApiError } from "../errors"
import { createKlarnaClient, type KlarnaClientConfig } from "../klarna-client"
import { capturingLogger, closedPortUrl, klarnaError, ScriptedServer } from "./helpers/scripted-server"

const USERNAME = "PK999_leakyuser"
const PASSWORD = "pa55-W0rd-LEAK-xyz"
const BASIC = Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")
const API_KEY = "klarna_test_api_LEAKYKEY123"
const FORBIDDEN = [PASSWORD, BASIC, API_KEY, USERNAME, "Authorization"]

let server: ScriptedServer
beforeEach(async () => {
  server = await ScriptedServer.start()
})
afterEach(async () => {
  await server.close()
})

type Credentials = Pick<KlarnaClientConfig, "username" | "password" | "apiKey">
const CREDENTIALS: [string, Credentials][] = [
  ["username/password", { username: USERNAME, password: PASSWORD }],
  ["api key", { apiKey: API_KEY }],
]

function expectNoSecrets(err: unknown, logged: string[]): void {
  expect(err).toBeInstanceOf(KlarnaApiError)
  const e = err as KlarnaApiError
  const surfaces = {
    message: e.message,
    stack: e.stack ?? "",
    json: JSON.stringify(e),
    string: String(e),
    inspect: inspect(e, { depth: 20, showHidden: true }),
    logs: logged.join("\n"),
  }
  for (const [surface, text] of Object.entries(surfaces)) {
    for (const secret of FORBIDDEN) {
      if (text.includes(secret)) {
        throw new Error(`${surface} contains ${secret === "Authorization" ? "the word Authorization" : "a credential"}:\n${text}`)
      }
    }
  }
  const allowed = ["correlationId", "errorCode", "errorMessages", "message", "name", "operation", "retryable", "status", "type"]
  expect(Object.keys(JSON.parse(surfaces.json)).filter((k) => !allowed.includes(k))).toEqual([])
}

async function failWith(config: Partial<KlarnaClientConfig>, logged: string[]): Promise<unknown> {
  const logger = capturingLogger()
  try {
    await createKlarnaClient({ retryBaseDelayMs: 1, retryMaxDelayMs: 2, logger, ...config } as KlarnaClientConfig).captureOrder(
      "ord-1",
      { captured_amount: 100 },
      "idem-1"
    )
  } catch (e) {
    logged.push(...logger.lines.map((l) => l.message))
    return e
  }
  throw new Error("expected the call to fail")
}

describe.each(CREDENTIALS)("credentials never leak (%s)", (_label, credentials) => {
  it("on a 401", async () => {
    server.otherwise({ status: 401, headers: { "Klarna-Correlation-Id": "c-401", "WWW-Authenticate": "Basic" }, body: "" })
    const logged: string[] = []
    const err = await failWith({ baseUrl: server.url, ...credentials, maxRetries: 3 }, logged)
    expectNoSecrets(err, logged)
    expect((err as KlarnaApiError).message).toBe(
      "Klarna rejected the API credentials (401) while trying to capture the order. Check the Klarna username and password / API key."
    )
    expect((err as KlarnaApiError).correlationId).toBe("c-401")
    expect(server.requests).toHaveLength(1)
  })

  it("on a 500 after retries", async () => {
    server.otherwise(klarnaError(500, "INTERNAL_SERVER_ERROR", "Internal error"))
    const logged: string[] = []
    const err = await failWith({ baseUrl: server.url, ...credentials, maxRetries: 2 }, logged)
    expectNoSecrets(err, logged)
    expect(server.requests).toHaveLength(3)
    expect(logged.filter((l) => l.includes("retrying"))).toHaveLength(2)
  })

  it("on a timeout", async () => {
    server.otherwise({ hang: true })
    const logged: string[] = []
    const err = await failWith({ baseUrl: server.url, ...credentials, timeoutMs: 100, maxRetries: 1 }, logged)
    expectNoSecrets(err, logged)
    expect((err as KlarnaApiError).message).toMatch(/timeout after 100 ms/)
  })

  it("on a refused connection", async () => {
    const logged: string[] = []
    const err = await failWith({ baseUrl: await closedPortUrl(), ...credentials, maxRetries: 1 }, logged)
    expectNoSecrets(err, logged)
    expect((err as KlarnaApiError).message).toBe(
      "Klarna could not be reached while trying to capture the order: connection refused (ECONNREFUSED) (2 attempts)"
    )
    expect(logged.some((l) => l.includes("network error ECONNREFUSED on attempt 1 of 2"))).toBe(true)
  })
})

it("constructor errors never echo credentials", () => {
  const attempts: KlarnaClientConfig[] = [
    { username: USERNAME, password: PASSWORD, apiKey: API_KEY },
    { username: USERNAME },
    { password: PASSWORD },
    { apiKey: `${API_KEY} with space` },
    { username: `${USERNAME}:x`, password: PASSWORD },
    { baseUrl: `https://${USERNAME}:${PASSWORD}@api.klarna.com`, apiKey: API_KEY },
  ]
  for (const config of attempts) {
    let message = ""
    try {
      createKlarnaClient(config)
    } catch (e) {
      message = `${(e as Error).message}\n${(e as Error).stack}`
    }
    expect(message).not.toBe("")
    for (const secret of [PASSWORD, BASIC, API_KEY, USERNAME]) {
      expect(message).not.toContain(secret)
    }
  }
})
