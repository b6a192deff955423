import { getOrder, om, placeOrder, cart, startHarness, startReceiver, type Harness } from "./support/harness"

describe("/_sim control API", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  describe("fraud decision", () => {
    it("ACCEPTED makes a PENDING order capturable and notifies merchant_urls.notification", async () => {
      const receiver = await startReceiver()
      try {
        const id = await placeOrder(h, {
          fraud_status: "PENDING",
          body: cart({ merchant_urls: { notification: `${receiver.url}/klarna/notify?order={order.id}` } }),
        })
        expect((await getOrder(h, id)).fraud_status).toBe("PENDING")

        const res = await h.raw.post(`/_sim/orders/${id}/fraud-decision`, { fraud_status: "ACCEPTED" })
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ delivered: true, status: 200, fraud_status: "ACCEPTED" })
        expect(receiver.received).toHaveLength(1)
        expect(receiver.received[0].path).toBe(`/klarna/notify?order=${id}`)
        expect(receiver.received[0].body).toMatchObject({ order_id: id, event_type: "FRAUD_RISK_ACCEPTED" })

        expect((await h.api.post(om(id, "/captures"), { captured_amount: 100 })).status).toBe(201)
      } finally {
        await receiver.close()
      }
    })

    it("STOPPED: notification FRAUD_RISK_STOPPED, the order is never capturable; failed delivery is reported", async () => {
      const receiver = await startReceiver(500)
      try {
        const id = await placeOrder(h, { body: cart({ merchant_urls: { notification: `${receiver.url}/n` } }) })
        const res = await h.raw.post(`/_sim/orders/${id}/fraud-decision`, { fraud_status: "STOPPED" })
        expect(res.data).toMatchObject({ delivered: false, status: 500 })
        expect(receiver.received[0].body).toMatchObject({ event_type: "FRAUD_RISK_STOPPED" })
        const cap = await h.api.post(om(id, "/captures"), { captured_amount: 100 })
        expect(cap.status).toBe(403)
        expect(cap.data.error_code).toBe("CAPTURE_NOT_ALLOWED")
      } finally {
        await receiver.close()
      }
    })

    it("without a notification URL nothing is delivered", async () => {
      const id = await placeOrder(h, { fraud_status: "PENDING" })
      const res = await h.raw.post(`/_sim/orders/${id}/fraud-decision`, { fraud_status: "REJECTED" })
      expect(res.data).toMatchObject({ delivered: false, fraud_status: "REJECTED" })
    })
  })

  it("portal capture and portal refund follow the same rules", async () => {
    const id = await placeOrder(h)
    const cap = await h.raw.post(`/_sim/orders/${id}/portal-capture`, { amount: 3000 })
    expect(cap.status).toBe(200)
    expect(cap.data).toMatchObject({ captured_amount: 3000, capture_id: expect.any(String) })
    expect((await h.raw.post(`/_sim/orders/${id}/portal-capture`, { amount: 999_999 })).status).toBe(403)
    const rest = await h.raw.post(`/_sim/orders/${id}/portal-capture`, {})
    expect(rest.data.captured_amount).toBe(7500)

    const ref = await h.raw.post(`/_sim/orders/${id}/portal-refund`, { amount: 500 })
    expect(ref.data).toMatchObject({ refunded_amount: 500 })
    expect((await h.raw.post(`/_sim/orders/${id}/portal-refund`, { amount: 10_001 })).status).toBe(403)
    expect(await getOrder(h, id)).toMatchObject({ status: "CAPTURED", captured_amount: 10500, refunded_amount: 500 })
  })

  it("lists orders and sessions with internals; reset clears everything", async () => {
    const id = await placeOrder(h)
    const orders = (await h.raw.get("/_sim/orders")).data
    expect(orders).toHaveLength(1)
    expect(orders[0]).toMatchObject({ order_id: id, sim: { session_id: expect.any(String) } })
    const session = (await h.raw.get(`/_sim/sessions/${orders[0].sim.session_id}`)).data
    expect(session).toMatchObject({ status: "complete", order_id: id, authorizations: [expect.objectContaining({ consumed: expect.any(Object) })] })

    expect((await h.raw.post("/_sim/reset")).status).toBe(200)
    expect((await h.raw.get("/_sim/orders")).data).toEqual([])
    expect((await h.raw.get("/_sim/requests")).data).toEqual([])
    expect((await h.api.get(om(id))).status).toBe(404)
  })

  it("the order's redirect_url leads to merchant_urls.confirmation", async () => {
    const id = await placeOrder(h, { body: cart({ merchant_urls: { confirmation: "https://shop.example/done?o={order.id}" } }) })
    const res = await h.raw.get(`/_sim/redirect/${id}`, { maxRedirects: 0 })
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe(`https://shop.example/done?o=${id}`)
  })

  it("refuses bad control bodies with BAD_VALUE", async () => {
    const res = await h.raw.post("/_sim/faults", { status: 500 })
    expect(res.status).toBe(400)
    expect(res.data.error_messages[0]).toBe("Bad value: path")
  })
})
