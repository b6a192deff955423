import axios from "axios"
import { IdempotencyStore } from "../src/idempotency"
import { approve, cart, createSession, getOrder, om, placeOrder, startHarness, USER, type Harness } from "./support/harness"

describe("idempotency, fault injection and the request log", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  const withKey = (key: string) => ({ headers: { "Klarna-Idempotency-Key": key } })
  const fault = async (spec: Record<string, unknown>) => {
    const res = await h.raw.post("/_sim/faults", spec)
    expect(res.status).toBe(200)
    return res.data.id as string
  }

  describe("Klarna-Idempotency-Key", () => {
    it("executes a capture once per key and replays the first answer, even for a different body", async () => {
      const id = await placeOrder(h)
      const first = await h.api.post(om(id, "/captures"), { captured_amount: 1000 }, withKey("cap-key-1"))
      const second = await h.api.post(om(id, "/captures"), { captured_amount: 2000 }, withKey("cap-key-1"))
      expect(first.status).toBe(201)
      expect(second.status).toBe(201)
      expect(second.headers["capture-id"]).toBe(first.headers["capture-id"])
      expect(second.headers.location).toBe(first.headers.location)
      const order = await getOrder(h, id)
      expect(order.captures).toHaveLength(1)
      expect(order.captured_amount).toBe(1000)

      const log = (await h.raw.get("/_sim/requests", { params: { path_contains: "/captures" } })).data
      expect(log.map((e: { replayed: boolean }) => e.replayed)).toEqual([false, true])
    })

    it("replays stored errors too, and keys are scoped per credential", async () => {
      const id = await placeOrder(h)
      const refused = await h.api.post(om(id, "/captures"), { captured_amount: 99_999 }, withKey("k"))
      expect(refused.status).toBe(403)
      const replay = await h.api.post(om(id, "/captures"), { captured_amount: 100 }, withKey("k"))
      expect(replay.status).toBe(403)
      expect(replay.data).toEqual(refused.data)
      expect(replay.headers["klarna-correlation-id"]).toBe(replay.data.correlation_id)

      const other = await startHarness({ credentials: [USER, { username: "other", password: "pw" }] })
      try {
        const oid = await placeOrder(other)
        const a = await other.api.post(om(oid, "/captures"), { captured_amount: 100 }, withKey("shared"))
        const b = await other.raw.post(om(oid, "/captures"), { captured_amount: 100 }, { ...withKey("shared"), auth: { username: "other", password: "pw" } })
        expect(a.status).toBe(201)
        expect(b.status).toBe(201)
        expect(b.headers["capture-id"]).not.toBe(a.headers["capture-id"])
      } finally {
        await other.sim.close()
      }
    })

    it("never stores 5xx or 429 answers (they must stay retryable)", () => {
      expect(IdempotencyStore.isStorable({ status: 500 })).toBe(false)
      expect(IdempotencyStore.isStorable({ status: 503 })).toBe(false)
      expect(IdempotencyStore.isStorable({ status: 429 })).toBe(false)
      expect(IdempotencyStore.isStorable({ status: 403 })).toBe(true)
      expect(IdempotencyStore.isStorable({ status: 201 })).toBe(true)
    })

    it("without a key, every request is executed", async () => {
      const id = await placeOrder(h)
      await h.api.post(om(id, "/captures"), { captured_amount: 1000 })
      await h.api.post(om(id, "/captures"), { captured_amount: 1000 })
      expect((await getOrder(h, id)).captures).toHaveLength(2)
    })
  })

  describe("faults", () => {
    it("a 5xx fault answers Klarna's error body once, without touching state; the retry succeeds", async () => {
      const id = await placeOrder(h)
      await fault({ method: "POST", path: "/captures", status: 503 })
      const failed = await h.api.post(om(id, "/captures"), { captured_amount: 1000 }, withKey("retry-me"))
      expect(failed.status).toBe(503)
      expect(failed.data).toMatchObject({ error_code: "TEMPORARILY_UNAVAILABLE", correlation_id: failed.headers["klarna-correlation-id"] })
      expect((await getOrder(h, id)).captures).toHaveLength(0)

      const retry = await h.api.post(om(id, "/captures"), { captured_amount: 1000 }, withKey("retry-me"))
      expect(retry.status).toBe(201)
      expect((await getOrder(h, id)).captured_amount).toBe(1000)
    })

    it("429 sets Retry-After and TOO_MANY_REQUESTS; a /regex/ path and times: 2 apply twice", async () => {
      await fault({ path: "/sessions$/", status: 429, retry_after: 2, times: 2 })
      const body = { purchase_country: "SE" }
      for (let i = 0; i < 2; i++) {
        const res = await h.api.post("/payments/v1/sessions", body)
        expect(res.status).toBe(429)
        expect(res.headers["retry-after"]).toBe("2")
        expect(res.data.error_code).toBe("TOO_MANY_REQUESTS")
      }
      expect((await h.api.post("/payments/v1/sessions", body)).status).toBe(400)
    })

    it("skip: 1 lets the first matching request through and fails the next", async () => {
      const id = await placeOrder(h)
      await fault({ method: "POST", path: `/orders/${id}/captures`, status: 503, skip: 1, times: 1 })
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(503)
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
      expect((await getOrder(h, id)).captured_amount).toBe(200)
    })

    it("after: true changes state but loses the answer; the retry with the same key replays the stored 201", async () => {
      const id = await placeOrder(h)
      await fault({ method: "POST", path: `/orders/${id}/captures`, after: true })
      const lost = await h.api.post(om(id, "/captures"), { captured_amount: 2500 }, withKey("lost-1"))
      expect(lost.status).toBe(500)
      expect(lost.data.error_code).toBe("INTERNAL_SERVER_ERROR")
      const after = await getOrder(h, id)
      expect(after.captures).toHaveLength(1)

      const retry = await h.api.post(om(id, "/captures"), { captured_amount: 2500 }, withKey("lost-1"))
      expect(retry.status).toBe(201)
      expect(retry.headers["capture-id"]).toBe(after.captures[0].capture_id)
      expect((await getOrder(h, id)).captures).toHaveLength(1)
    })

    it("after: true with latency_ms and no status: Klarna has captured while the real answer is still on its way", async () => {
      const id = await placeOrder(h)
      await fault({ method: "POST", path: `/orders/${id}/captures`, after: true, latency_ms: 400 })
      const started = Date.now()
      const answer = h.api.post(om(id, "/captures"), { captured_amount: 2500 }, withKey("slow-1"))
      await new Promise((r) => setTimeout(r, 150))
      expect((await getOrder(h, id)).captured_amount).toBe(2500) // done before the answer left
      const res = await answer
      expect(res.status).toBe(201)
      expect(Date.now() - started).toBeGreaterThanOrEqual(390)
    })

    it("after: true on create order: the identical retry gets the order created by the lost request", async () => {
      await fault({ path: "/authorizations/", after: true, status: 502 })
      const token = await approve(h, await createSession(h))
      const lost = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      expect(lost.status).toBe(502)
      const retry = await h.api.post(`/payments/v1/authorizations/${token}/order`, cart())
      expect(retry.status).toBe(200)
      expect((await h.raw.get("/_sim/orders")).data.map((o: { order_id: string }) => o.order_id)).toEqual([retry.data.order_id])
    })

    it("latency_ms delays the answer; hang never answers (the client gives up) and changes nothing", async () => {
      const id = await placeOrder(h)
      await fault({ path: "/captures", latency_ms: 150 })
      const started = Date.now()
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)

      await fault({ path: "/captures", hang: true })
      const hung = await h.api.post(om(id, "/captures"), { captured_amount: 100 }, { timeout: 200 }).catch((e: unknown) => e)
      expect(axios.isAxiosError(hung) && hung.code).toBe("ECONNABORTED")
      expect((await getOrder(h, id)).captures).toHaveLength(1)
    })

    it("rate: 0 never fires; DELETE /_sim/faults clears faults", async () => {
      const id = await placeOrder(h)
      await fault({ path: "/captures", status: 500, rate: 0, times: 0 })
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
      await fault({ path: "/captures", status: 500, times: 0 })
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(500)
      expect((await h.raw.delete("/_sim/faults")).status).toBe(200)
      expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
    })
  })

  describe("request log", () => {
    it("records method, path, key, body, status — never the Authorization header", async () => {
      const id = await placeOrder(h)
      await h.api.post(om(id, "/captures"), { captured_amount: 100 }, withKey("log-key"))
      const log = (await h.raw.get("/_sim/requests")).data as Array<Record<string, unknown>>
      expect(log.map((e) => `${e.method} ${e.status}`)).toEqual(["POST 200", "POST 200", "POST 201"])
      expect(log[2]).toMatchObject({
        method: "POST",
        path: `/ordermanagement/v1/orders/${id}/captures`,
        idempotency_key: "log-key",
        body: { captured_amount: 100 },
        status: 201,
        replayed: false,
        at: expect.any(String),
      })
      const text = JSON.stringify(log)
      expect(text).not.toMatch(/authorization"?\s*:/i)
      expect(text).not.toContain(Buffer.from(`${USER.username}:${USER.password}`).toString("base64"))
      expect(text).not.toContain(USER.password)
      const filtered = (await h.raw.get("/_sim/requests", { params: { path_contains: "/captures" } })).data
      expect(filtered).toHaveLength(1)
    })
  })
})
