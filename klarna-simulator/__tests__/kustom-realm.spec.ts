import axios from "axios"
import { getOrder, om, placeOrder, startHarness, USER, type Harness } from "./support/harness"
import { checkoutBody, complete, createCheckout, kom, kustomApi, KUSTOM_USER, startMerchant, type Merchant } from "./support/kustom"

describe("Kustom realm under /kustom", () => {
  let h: Harness
  let merchant: Merchant
  beforeAll(async () => {
    h = await startHarness()
    merchant = await startMerchant()
  })
  afterAll(async () => {
    await merchant.close()
    await h.sim.close()
  })
  beforeEach(() => h.sim.reset())

  const kustom = () => kustomApi(h)
  /** A completed Kustom checkout: its Order Management order id. */
  const kustomOrder = async () => {
    const id = await createCheckout(kustom(), checkoutBody(merchant.url))
    const res = await complete(h, id)
    expect(res.data).toMatchObject({ completed: true, order_id: id })
    return id
  }

  describe("credentials", () => {
    it("Klarna's credential is refused under /kustom, on Checkout v3 and Order Management", async () => {
      const asKlarna = kustomApi(h, USER)
      for (const res of [await asKlarna.post("/checkout/v3/orders", checkoutBody(merchant.url)), await asKlarna.get(kom("x"))]) {
        expect(res.status).toBe(401)
        expect(res.data.error_code).toBe("UNAUTHORIZED")
        expect(res.headers["www-authenticate"]).toBe('Basic realm="Kustom API"')
      }
      expect((await h.raw.get("/_sim/kustom/checkouts")).data).toEqual([])
    })

    it("Kustom's credential is refused on Klarna's paths", async () => {
      const asKustom = axios.create({ baseURL: h.sim.url, validateStatus: () => true, auth: KUSTOM_USER })
      expect((await asKustom.post("/payments/v1/sessions", {})).status).toBe(401)
      expect((await asKustom.get(om("x"))).status).toBe(401)
      expect((await kustom().get(kom("x"))).status).toBe(404)
    })

    it("SimulatorOptions.kustom.credentials and apiKeys replace the default credential", async () => {
      const other = await startHarness({ kustom: { credentials: [{ username: "PM_other", password: "kco_other" }], apiKeys: ["kco_key_1"] } })
      try {
        expect((await kustomApi(other, { username: "PM_other", password: "kco_other" }).get(kom("x"))).status).toBe(404)
        expect((await kustomApi(other).get(kom("x"))).status).toBe(401)
        const withKey = await other.raw.get(`/kustom${kom("x")}`, { headers: { Authorization: "Basic kco_key_1" } })
        expect(withKey.status).toBe(404)
        expect(other.sim.kustomUrl).toBe(`${other.sim.url}/kustom`)
      } finally {
        await other.sim.close()
      }
    })
  })

  it("Checkout v3 is Kustom's only: /checkout/v3 at the root is 404 NOT_FOUND", async () => {
    const res = await h.api.post("/checkout/v3/orders", checkoutBody(merchant.url))
    expect(res.status).toBe(404)
    expect(res.data.error_code).toBe("NOT_FOUND")
    expect((await h.raw.get("/_sim/kustom/checkouts")).data).toEqual([])
  })

  describe("orders belong to a realm", () => {
    it("a Kustom order is NO_SUCH_ORDER through Klarna, for reads and mutations alike", async () => {
      const id = await kustomOrder()
      const read = await h.api.get(om(id))
      expect(read.status).toBe(404)
      expect(read.data.error_code).toBe("NO_SUCH_ORDER")
      const capture = await h.api.post(om(id, "/captures"), { captured_amount: 100 })
      expect(capture.status).toBe(404)
      expect(capture.data.error_code).toBe("NO_SUCH_ORDER")
      expect((await h.api.post(om(id, "/acknowledge"))).status).toBe(404)

      const order = (await kustom().get(kom(id))).data
      expect(order).toMatchObject({ order_id: id, captured_amount: 0, captures: [] })
      expect(order.realm).toBeUndefined()
    })

    it("a Klarna order is NO_SUCH_ORDER through Kustom", async () => {
      const id = await placeOrder(h)
      const read = await kustom().get(kom(id))
      expect(read.status).toBe(404)
      expect(read.data.error_code).toBe("NO_SUCH_ORDER")
      expect((await kustom().post(kom(id, "/cancel"))).status).toBe(404)
      expect((await getOrder(h, id)).status).toBe("AUTHORIZED")
    })

    it("/_sim/orders lists both realms' orders with their realm", async () => {
      const klarnaId = await placeOrder(h)
      const kustomId = await kustomOrder()
      const orders = (await h.raw.get("/_sim/orders")).data as Array<{ order_id: string; realm: string }>
      expect(orders.map((o) => [o.order_id, o.realm]).sort()).toEqual(
        [
          [klarnaId, "klarna"],
          [kustomId, "kustom"],
        ].sort()
      )
    })
  })

  describe("endpoints Kustom dropped", () => {
    it("extend-due-date, its options and trigger-send-out are 404 NOT_FOUND and change nothing", async () => {
      const id = await kustomOrder()
      const cap = await kustom().post(kom(id, "/captures"), { captured_amount: 5000 })
      expect(cap.status).toBe(201)
      const captureId = cap.headers["capture-id"]
      const before = (await kustom().get(kom(id))).data

      const calls = [
        kustom().post(kom(id, `/captures/${captureId}/extend-due-date`), { number_of_days: 14 }),
        kustom().patch(kom(id, `/captures/${captureId}/extend-due-date`), { number_of_days: 14 }),
        kustom().get(kom(id, `/captures/${captureId}/extend-due-date-options`)),
        kustom().post(kom(id, `/captures/${captureId}/trigger-send-out`)),
      ]
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(404)
        expect(res.data).toMatchObject({ error_code: "NOT_FOUND", correlation_id: res.headers["klarna-correlation-id"] })
      }
      expect((await kustom().get(kom(id))).data).toEqual(before)
    })

    it("Klarna's realm keeps trigger-send-out", async () => {
      const id = await placeOrder(h)
      const cap = await h.api.post(om(id, "/captures"), { captured_amount: 5000 })
      expect((await h.api.post(om(id, `/captures/${cap.headers["capture-id"]}/trigger-send-out`))).status).toBe(204)
    })
  })

  describe("request log, faults, idempotency, correlation ids", () => {
    it("the request log records Kustom requests with their full path", async () => {
      const id = await kustomOrder()
      await kustom().post(kom(id, "/acknowledge"), undefined, { headers: { "Klarna-Idempotency-Key": "ack-1" } })
      const log = (await h.raw.get("/_sim/requests", { params: { path_contains: "/kustom/" } })).data
      expect(log.map((e: { method: string; path: string }) => `${e.method} ${e.path}`)).toEqual([
        "POST /kustom/checkout/v3/orders",
        `POST /kustom/ordermanagement/v1/orders/${id}/acknowledge`,
      ])
      expect(log[1]).toMatchObject({ status: 204, idempotency_key: "ack-1" })
    })

    it("a fault matches the full path: /kustom/ordermanagement fails, Klarna's Order Management does not", async () => {
      const klarnaId = await placeOrder(h)
      const kustomId = await kustomOrder()
      expect((await h.raw.post("/_sim/faults", { path: "/kustom/ordermanagement", status: 503, times: 0 })).status).toBe(200)

      const failed = await kustom().post(kom(kustomId, "/captures"), { captured_amount: 100 })
      expect(failed.status).toBe(503)
      expect(failed.data.error_code).toBe("TEMPORARILY_UNAVAILABLE")
      expect((await h.api.post(om(klarnaId, "/captures"), { captured_amount: 100 })).status).toBe(201)

      await h.raw.delete("/_sim/faults")
      expect((await kustom().get(kom(kustomId))).data.captured_amount).toBe(0)
    })

    it("idempotency keys are scoped by principal: the same key in both realms runs twice", async () => {
      const klarnaId = await placeOrder(h)
      const kustomId = await kustomOrder()
      const key = { headers: { "Klarna-Idempotency-Key": "same-key" } }
      const a = await h.api.post(om(klarnaId, "/captures"), { captured_amount: 100 }, key)
      const b = await kustom().post(kom(kustomId, "/captures"), { captured_amount: 200 }, key)
      expect(a.status).toBe(201)
      expect(b.status).toBe(201)
      expect(b.headers.location).toBe(`${h.sim.url}/kustom/ordermanagement/v1/orders/${kustomId}/captures/${b.headers["capture-id"]}`)
      expect((await kustom().get(kom(kustomId))).data.captured_amount).toBe(200)
    })
  })
})
