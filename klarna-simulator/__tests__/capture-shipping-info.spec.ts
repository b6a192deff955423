import { om, placeOrder, startHarness, type Harness } from "./support/harness"

describe("POST /ordermanagement/v1/orders/:id/captures/:capture_id/shipping-info", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  const captured = async () => {
    const id = await placeOrder(h)
    const captureId = (await h.api.post(om(id, "/captures"), { captured_amount: 100 })).headers["capture-id"] as string
    return { id, captureId }
  }
  const add = (id: string, captureId: string, body: unknown, key?: string) =>
    h.api.post(om(id, `/captures/${captureId}/shipping-info`), body, key ? { headers: { "Klarna-Idempotency-Key": key } } : undefined)
  const shippingInfoOf = async (id: string, captureId: string) => (await h.api.get(om(id, `/captures/${captureId}`))).data.shipping_info

  it("stores each call's entries on the capture, after those already there", async () => {
    const { id, captureId } = await captured()
    const first = { shipping_company: "PostNord", shipping_method: "PickUpPoint", tracking_number: "PN1", tracking_uri: "https://track.example/PN1" }
    expect((await add(id, captureId, { shipping_info: [first] })).status).toBe(204)
    expect((await add(id, captureId, { shipping_info: [{ tracking_number: "PN2" }] })).status).toBe(204)
    expect(await shippingInfoOf(id, captureId)).toEqual([first, { tracking_number: "PN2" }])
    // The order's own view carries it on the capture too (what the admin widget reads).
    expect((await h.api.get(om(id))).data.captures[0].shipping_info).toEqual([first, { tracking_number: "PN2" }])
  })

  it("stores a call once when it is repeated with the same idempotency key", async () => {
    const { id, captureId } = await captured()
    const body = { shipping_info: [{ tracking_number: "PN1" }] }
    expect((await add(id, captureId, body, "same-key")).status).toBe(204)
    expect((await add(id, captureId, body, "same-key")).status).toBe(204)
    expect(await shippingInfoOf(id, captureId)).toEqual([{ tracking_number: "PN1" }])
  })

  it("answers 404 NO_SUCH_CAPTURE for a capture the order does not have", async () => {
    const { id } = await captured()
    const res = await add(id, "no-such-capture", { shipping_info: [{ tracking_number: "PN1" }] })
    expect(res.status).toBe(404)
    expect(res.data.error_code).toBe("NO_SUCH_CAPTURE")
  })

  it.each([
    ["no shipping_info", {}],
    ["an empty shipping_info", { shipping_info: [] }],
    ["more than 500 entries", { shipping_info: Array.from({ length: 501 }, (_, i) => ({ tracking_number: `T${i}` })) }],
    ["a shipping_method outside Klarna's list", { shipping_info: [{ shipping_method: "Drone" }] }],
    ["a tracking_number over 100 characters", { shipping_info: [{ tracking_number: "x".repeat(101) }] }],
    ["a shipping_company over 100 characters", { shipping_info: [{ shipping_company: "x".repeat(101) }] }],
    ["a tracking_uri over 1024 characters", { shipping_info: [{ tracking_uri: `https://t.example/${"x".repeat(1010)}` }] }],
  ])("refuses %s with 400 and stores nothing", async (_what, body) => {
    const { id, captureId } = await captured()
    const res = await add(id, captureId, body)
    expect(res.status).toBe(400)
    expect(res.data.error_code).toBe("BAD_VALUE")
    expect(await shippingInfoOf(id, captureId)).toEqual([])
  })

  it("takes 500 entries, Klarna's limit", async () => {
    const { id, captureId } = await captured()
    const shipping_info = Array.from({ length: 500 }, (_, i) => ({ tracking_number: `T${i}` }))
    expect((await add(id, captureId, { shipping_info })).status).toBe(204)
    expect(await shippingInfoOf(id, captureId)).toHaveLength(500)
  })
})
