import { placeOrder, startHarness, type Harness } from "./support/harness"
import { checkoutBody, complete, createCheckout, kom, kustomApi, sleep, startMerchant, type Merchant } from "./support/kustom"

describe("Kustom push to merchant_urls.push", () => {
  let merchant: Merchant
  let h: Harness | undefined
  beforeAll(async () => {
    merchant = await startMerchant()
  })
  afterAll(() => merchant.close())
  beforeEach(() => {
    merchant.requests.length = 0
  })
  afterEach(async () => {
    await h?.sim.close()
    h = undefined
  })

  const start = async (pushInitialDelayMs: number, pushScheduleMs: number[]) => {
    h = await startHarness({ kustom: { pushInitialDelayMs, pushScheduleMs } })
    return h
  }
  const purchase = async (sim: Harness) => {
    const id = await createCheckout(kustomApi(sim), checkoutBody(merchant.url))
    expect((await complete(sim, id)).data.completed).toBe(true)
    return id
  }
  const pushesTo = (id: string) => merchant.to(`/push?o=${id}`)
  const waitForPushes = async (id: string, n: number, ms = 3000) => {
    const until = Date.now() + ms
    while (pushesTo(id).length < n) {
      if (Date.now() > until) throw new Error(`expected ${n} pushes, got ${pushesTo(id).length}`)
      await sleep(5)
    }
  }

  const waitForLog = async (sim: Harness, n: number) => {
    const until = Date.now() + 3000
    for (;;) {
      const log = (await sim.raw.get("/_sim/kustom/pushes")).data
      if (log.length >= n) return log
      if (Date.now() > until) throw new Error(`expected ${n} push attempts, got ${log.length}`)
      await sleep(10)
    }
  }

  it("posts an empty body at the initial delay and each scheduled delay, then stops when the schedule ends", async () => {
    const sim = await start(40, [120, 200])
    const id = await purchase(sim)
    await waitForPushes(id, 3)
    await sleep(250)
    expect(pushesTo(id)).toHaveLength(3)
    for (const push of pushesTo(id)) {
      expect(push).toMatchObject({ method: "POST", body: "", contentType: undefined })
    }
    const log = (await sim.raw.get("/_sim/kustom/pushes")).data
    expect(log).toHaveLength(3)
    expect(log[0]).toMatchObject({ order_id: id, url: `${merchant.url}/push?o=${id}`, at: expect.any(String), trigger: "schedule", delivered: true, status: 200 })
    // Spaced by the schedule (from completion: 40, 120, 200 ms).
    const gaps = log.slice(1).map((p: { at: string }, i: number) => Date.parse(p.at) - Date.parse(log[i].at))
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(50)
  })

  it("a 2xx from the merchant is not enough: pushes continue until the order is acknowledged, then stop", async () => {
    const sim = await start(30, [250, 500, 750])
    const id = await purchase(sim)
    await waitForPushes(id, 2)
    expect((await kustomApi(sim).post(kom(id, "/acknowledge"))).status).toBe(204)
    await sleep(700)
    expect(pushesTo(id)).toHaveLength(2)
    expect((await sim.raw.get("/_sim/kustom/pushes", { params: { order_id: id } })).data).toHaveLength(2)
  })

  it("a failed delivery is recorded with its status and retried", async () => {
    const failing = await startMerchant(() => ({ status: 503 }))
    try {
      const sim = await start(20, [80])
      const id = await createCheckout(kustomApi(sim), checkoutBody(failing.url))
      await complete(sim, id)
      // The simulator records an attempt once the merchant's answer is in.
      const log = await waitForLog(sim, 2)
      expect(failing.requests).toHaveLength(2)
      expect(log.map((p: { delivered: boolean; status: number }) => [p.delivered, p.status])).toEqual([
        [false, 503],
        [false, 503],
      ])
    } finally {
      await failing.close()
    }
  })

  it("a capture acknowledges too: a captured order gets no push, an uncaptured one does", async () => {
    const sim = await start(150, [300])
    const captured = await purchase(sim)
    const open = await purchase(sim)
    expect((await kustomApi(sim).post(kom(captured, "/captures"), { captured_amount: 1000 })).status).toBe(201)
    await waitForPushes(open, 2)
    await sleep(50)
    expect(pushesTo(captured)).toHaveLength(0)
  })

  it("reset stops every pending push series", async () => {
    const sim = await start(150, [250])
    const id = await purchase(sim)
    expect((await sim.raw.post("/_sim/reset")).status).toBe(200)
    await sleep(400)
    expect(pushesTo(id)).toHaveLength(0)
    expect((await sim.raw.get("/_sim/kustom/pushes")).data).toEqual([])
  })

  it("close stops pending pushes too", async () => {
    const sim = await start(100, [])
    const id = await purchase(sim)
    await sim.sim.close()
    h = undefined
    await sleep(250)
    expect(pushesTo(id)).toHaveLength(0)
  })

  it("POST /_sim/kustom/orders/:id/push sends one push now; only for Kustom orders", async () => {
    const sim = await start(60_000, [])
    const id = await purchase(sim)
    const res = await sim.raw.post(`/_sim/kustom/orders/${id}/push`)
    expect(res.status).toBe(200)
    expect(res.data).toMatchObject({ order_id: id, delivered: true, status: 200, acknowledged: false })
    expect(pushesTo(id)).toHaveLength(1)
    expect((await sim.raw.get("/_sim/kustom/pushes")).data).toEqual([expect.objectContaining({ order_id: id, trigger: "manual", status: 200 })])

    const klarnaOrder = await placeOrder(sim)
    const refused = await sim.raw.post(`/_sim/kustom/orders/${klarnaOrder}/push`)
    expect(refused.status).toBe(404)
    expect(refused.data.error_code).toBe("NO_SUCH_ORDER")
  })

  it("defaults to Kustom's real schedule: nothing is pushed within the first seconds", async () => {
    const sim = await startHarness()
    h = sim
    const id = await purchase(sim)
    await sleep(200)
    expect(pushesTo(id)).toHaveLength(0)
  })
})
