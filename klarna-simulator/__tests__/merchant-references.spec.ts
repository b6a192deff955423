import { cart, getOrder, om, placeOrder, startHarness, type Harness } from "./support/harness"

describe("PATCH /ordermanagement/v1/orders/{id}/merchant-references", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  const patch = (id: string, body: unknown) => h.api.patch(om(id, "/merchant-references"), body)

  it("answers 204 with no body and overwrites both references", async () => {
    const id = await placeOrder(h, { body: cart({ merchant_reference1: "woo-1", merchant_reference2: "cart_1" }) })
    const res = await patch(id, { merchant_reference1: "1042", merchant_reference2: "order_01" })
    expect(res.status).toBe(204)
    expect(res.data).toBe("")
    expect(await getOrder(h, id)).toMatchObject({ merchant_reference1: "1042", merchant_reference2: "order_01" })
  })

  it("overwrites only the fields present", async () => {
    const id = await placeOrder(h, { body: cart({ merchant_reference1: "woo-1", merchant_reference2: "cart_1" }) })
    expect((await patch(id, { merchant_reference1: "1042" })).status).toBe(204)
    expect(await getOrder(h, id)).toMatchObject({ merchant_reference1: "1042", merchant_reference2: "cart_1" })
    expect((await patch(id, { merchant_reference2: "order_01" })).status).toBe(204)
    expect(await getOrder(h, id)).toMatchObject({ merchant_reference1: "1042", merchant_reference2: "order_01" })
  })

  it("refuses a cancelled order with 403 NOT_ALLOWED and changes nothing", async () => {
    const id = await placeOrder(h, { body: cart({ merchant_reference1: "woo-1" }) })
    expect((await h.api.post(om(id, "/cancel"))).status).toBe(204)
    const res = await patch(id, { merchant_reference1: "1042" })
    expect(res.status).toBe(403)
    expect(res.data).toMatchObject({ error_code: "NOT_ALLOWED", error_messages: ["Can not update a cancelled order"] })
    expect((await getOrder(h, id)).merchant_reference1).toBe("woo-1")
  })

  it("accepts a captured order's references (only cancelled orders are refused)", async () => {
    const id = await placeOrder(h)
    expect((await h.api.post(om(id, "/captures"), { captured_amount: 10500 })).status).toBe(201)
    expect((await patch(id, { merchant_reference1: "1042" })).status).toBe(204)
    expect((await getOrder(h, id)).merchant_reference1).toBe("1042")
  })

  it("refuses a reference longer than 255 characters with 400 BAD_VALUE", async () => {
    const id = await placeOrder(h, { body: cart({ merchant_reference1: "woo-1" }) })
    expect((await patch(id, { merchant_reference1: "x".repeat(255) })).status).toBe(204)
    const res = await patch(id, { merchant_reference2: "x".repeat(256) })
    expect(res.status).toBe(400)
    expect(res.data).toMatchObject({ error_code: "BAD_VALUE", error_messages: expect.arrayContaining(["Bad value: merchant_reference2"]) })
    expect((await getOrder(h, id)).merchant_reference2).toBeUndefined()
  })

  it("refuses a reference that is not text with 400", async () => {
    const id = await placeOrder(h)
    expect((await patch(id, { merchant_reference1: 1042 })).status).toBe(400)
  })

  it("answers 404 NO_SUCH_ORDER for an unknown order", async () => {
    const res = await patch("nope", { merchant_reference1: "1042" })
    expect(res.status).toBe(404)
    expect(res.data.error_code).toBe("NO_SUCH_ORDER")
  })
})
