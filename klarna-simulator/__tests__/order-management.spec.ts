import { cart, getOrder, om, placeOrder, startHarness, type Harness } from "./support/harness"

describe("Klarna Order Management v1", () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(() => h.sim.close())
  beforeEach(() => h.sim.reset())

  const capture = (id: string, captured_amount: number, extra: Record<string, unknown> = {}) =>
    h.api.post(om(id, "/captures"), { captured_amount, ...extra })
  const refund = (id: string, refunded_amount: number, extra: Record<string, unknown> = {}) =>
    h.api.post(om(id, "/refunds"), { refunded_amount, ...extra })

  it("GET of an unknown order is 404 NO_SUCH_ORDER", async () => {
    const res = await h.api.get(om("nope"))
    expect(res.status).toBe(404)
    expect(res.data.error_code).toBe("NO_SUCH_ORDER")
  })

  describe("captures", () => {
    it("answers 201 with Capture-Id and Location, empty body; the capture is readable", async () => {
      const id = await placeOrder(h)
      const res = await capture(id, 4000, { reference: "cap-1", description: "first box" })
      expect(res.status).toBe(201)
      expect(res.data).toBe("")
      const captureId = res.headers["capture-id"]
      expect(captureId).toEqual(expect.any(String))
      expect(res.headers.location).toBe(`${h.sim.url}/ordermanagement/v1/orders/${id}/captures/${captureId}`)

      const one = await h.api.get(om(id, `/captures/${captureId}`))
      expect(one.status).toBe(200)
      const order = await getOrder(h, id)
      expect(one.data).toMatchObject({
        capture_id: captureId,
        klarna_reference: `${order.klarna_reference}-1`,
        captured_amount: 4000,
        captured_at: expect.any(String),
        reference: "cap-1",
        description: "first box",
        refunded_amount: 0,
      })
      expect((await h.api.get(om(id, "/captures"))).data).toHaveLength(1)
      const missing = await h.api.get(om(id, "/captures/nope"))
      expect(missing.status).toBe(404)
      expect(missing.data.error_code).toBe("NO_SUCH_CAPTURE")
    })

    it("partial captures → PART_CAPTURED, then CAPTURED; never above the remaining authorization", async () => {
      const id = await placeOrder(h)
      expect((await capture(id, 4000)).status).toBe(201)
      expect(await getOrder(h, id)).toMatchObject({ status: "PART_CAPTURED", captured_amount: 4000, remaining_authorized_amount: 6500 })

      const over = await capture(id, 6501)
      expect(over.status).toBe(403)
      expect(over.data).toMatchObject({
        error_code: "CAPTURE_NOT_ALLOWED",
        error_messages: ["Captured amount is higher than the remaining authorized amount. Capture not possible."],
      })
      expect((await getOrder(h, id)).captured_amount).toBe(4000)

      expect((await capture(id, 6500)).status).toBe(201)
      expect(await getOrder(h, id)).toMatchObject({ status: "CAPTURED", captured_amount: 10500, remaining_authorized_amount: 0 })
      expect((await capture(id, 1)).status).toBe(403)
    })

    it("validates capture order_lines and amounts", async () => {
      const id = await placeOrder(h)
      const badLine = await capture(id, 100, { order_lines: [{ name: "x", quantity: 1, unit_price: 100, total_amount: 90 }] })
      expect(badLine.status).toBe(400)
      expect(badLine.data.error_messages[0]).toBe("Bad value: order_lines[0].total_amount")
      const tooBig = await capture(id, 200_000_001)
      expect(tooBig.status).toBe(400)
      expect(tooBig.data.error_messages[0]).toBe("Bad value: captured_amount")
      const fraction = await capture(id, 10.5)
      expect(fraction.status).toBe(400)
      expect(fraction.data.error_code).toBe("BAD_VALUE")
    })

    it("refuses captures while fraud_status is PENDING", async () => {
      const id = await placeOrder(h, { fraud_status: "PENDING" })
      const res = await capture(id, 100)
      expect(res.status).toBe(403)
      expect(res.data.error_code).toBe("CAPTURE_NOT_ALLOWED")
    })

    it("adds shipping info to a capture", async () => {
      const id = await placeOrder(h)
      const captureId = (await capture(id, 100)).headers["capture-id"]
      const res = await h.api.post(om(id, `/captures/${captureId}/shipping-info`), {
        shipping_info: [{ shipping_company: "DHL", tracking_number: "123" }],
      })
      expect(res.status).toBe(204)
      expect((await h.api.get(om(id, `/captures/${captureId}`))).data.shipping_info).toEqual([
        { shipping_company: "DHL", tracking_number: "123" },
      ])
    })
  })

  describe("cancel", () => {
    it("cancels an order without captures (204 → CANCELLED, remaining 0); a second cancel is 403", async () => {
      const id = await placeOrder(h)
      expect((await h.api.post(om(id, "/cancel"))).status).toBe(204)
      expect(await getOrder(h, id)).toMatchObject({ status: "CANCELLED", remaining_authorized_amount: 0 })
      const again = await h.api.post(om(id, "/cancel"))
      expect(again.status).toBe(403)
      expect(again.data.error_code).toBe("CANCEL_NOT_ALLOWED")
      const cap = await capture(id, 100)
      expect(cap.status).toBe(403)
      expect(cap.data.error_code).toBe("CAPTURE_NOT_ALLOWED")
    })

    it("refuses to cancel an order with captures", async () => {
      const id = await placeOrder(h)
      await capture(id, 100)
      const res = await h.api.post(om(id, "/cancel"))
      expect(res.status).toBe(403)
      expect(res.data).toMatchObject({ error_code: "CANCEL_NOT_ALLOWED", error_messages: ["Order has previous captures. Cancel not possible."] })
    })
  })

  describe("refunds", () => {
    it("needs captures", async () => {
      const id = await placeOrder(h)
      const res = await refund(id, 100)
      expect(res.status).toBe(403)
      expect(res.data).toMatchObject({ error_code: "REFUND_NOT_ALLOWED", error_messages: ["Order has no captures. Refund not possible"] })
    })

    it("refunds up to the captured amount (cumulative), 201 + Refund-Id + Location", async () => {
      const id = await placeOrder(h)
      await capture(id, 5000)
      const first = await refund(id, 3000, { reference: "r1" })
      expect(first.status).toBe(201)
      const refundId = first.headers["refund-id"]
      expect(first.headers.location).toBe(`${h.sim.url}/ordermanagement/v1/orders/${id}/refunds/${refundId}`)
      expect((await h.api.get(om(id, `/refunds/${refundId}`))).data).toMatchObject({ refund_id: refundId, refunded_amount: 3000, reference: "r1" })

      const over = await refund(id, 2001)
      expect(over.status).toBe(403)
      expect(over.data.error_code).toBe("REFUND_NOT_ALLOWED")
      expect((await refund(id, 2000)).status).toBe(201)
      const order = await getOrder(h, id)
      expect(order).toMatchObject({ refunded_amount: 5000, status: "PART_CAPTURED" })
      expect(order.captures[0].refunded_amount).toBe(5000)
      expect((await h.api.get(om(id, "/refunds/nope"))).status).toBe(404)
    })

    it("accepts a return_fee line only when the lines add up exactly to refunded_amount", async () => {
      const id = await placeOrder(h)
      await capture(id, 10500)
      const lines = [
        { type: "physical", name: "Shirt", quantity: 1, unit_price: 5000, total_amount: 5000 },
        { type: "return_fee", name: "Return fee", quantity: 1, unit_price: -500, total_amount: -500 },
      ]
      const wrong = await refund(id, 5000, { order_lines: lines })
      expect(wrong.status).toBe(400)
      expect(wrong.data.error_messages[0]).toBe("Bad value: order_lines")
      expect((await refund(id, 4500, { order_lines: lines })).status).toBe(201)
    })
  })

  describe("release remaining authorization", () => {
    it("needs a capture, then releases the rest (→ CAPTURED, remaining 0); fully captured is 403", async () => {
      const id = await placeOrder(h)
      const none = await h.api.post(om(id, "/release-remaining-authorization"))
      expect(none.status).toBe(403)
      expect(none.data.error_code).toBe("NOT_ALLOWED")

      await capture(id, 4000)
      expect((await h.api.post(om(id, "/release-remaining-authorization"))).status).toBe(204)
      expect(await getOrder(h, id)).toMatchObject({ status: "CAPTURED", remaining_authorized_amount: 0, captured_amount: 4000 })

      const again = await h.api.post(om(id, "/release-remaining-authorization"))
      expect(again.status).toBe(403)
      expect(again.data.error_messages).toEqual(["Order is fully captured. Remaining authorization cannot be released."])
      expect((await capture(id, 1)).status).toBe(403)
    })
  })

  describe("authorization time", () => {
    it("extends expires_at to now + 28 days", async () => {
      const id = await placeOrder(h)
      const original = Date.parse((await getOrder(h, id)).expires_at)
      await new Promise((r) => setTimeout(r, 30))
      const before = Date.now()
      expect((await h.api.post(om(id, "/extend-authorization-time"))).status).toBe(204)
      const expires = Date.parse((await getOrder(h, id)).expires_at)
      expect(expires).toBeGreaterThan(original)
      expect(expires).toBeGreaterThanOrEqual(before + 28 * 86_400_000)
      expect(expires).toBeLessThan(Date.now() + 28 * 86_400_000 + 1)
    })

    it("refuses an extension that would pass created_at + 180 days, changing nothing", async () => {
      const id = await placeOrder(h)
      expect((await h.raw.post(`/_sim/orders/${id}/age`, { days: 160 })).status).toBe(200)
      await h.raw.post(`/_sim/orders/${id}/expires-in`, { days: 5 })
      // now + 28 d is past created_at + 180 d (20 days from now)
      const aged = await getOrder(h, id)
      expect(aged.status).toBe("AUTHORIZED")
      const refused = await h.api.post(om(id, "/extend-authorization-time"))
      expect(refused.status).toBe(403)
      expect(refused.data).toMatchObject({
        error_code: "NOT_ALLOWED",
        error_messages: ["Order would expire more than 180 days after it was created. Authorization time cannot be extended."],
      })
      expect((await getOrder(h, id)).expires_at).toBe(aged.expires_at)

      const long = await startHarness({ authorizationDays: 200 })
      try {
        const other = await placeOrder(long)
        expect((await long.api.post(om(other, "/extend-authorization-time"))).status).toBe(403)
      } finally {
        await long.sim.close()
      }
    })

    it("control API: age moves created_at and expires_at back; expires-in sets the expiry and revives an EXPIRED order", async () => {
      const id = await placeOrder(h)
      const before = await getOrder(h, id)
      const aged = (await h.raw.post(`/_sim/orders/${id}/age`, { days: 10 })).data
      expect(Date.parse(before.created_at) - Date.parse(aged.created_at)).toBe(10 * 86_400_000)
      expect(Date.parse(before.expires_at) - Date.parse(aged.expires_at)).toBe(10 * 86_400_000)

      await h.raw.post(`/_sim/orders/${id}/expire`)
      expect((await getOrder(h, id)).status).toBe("EXPIRED")
      const t = Date.now()
      const revived = (await h.raw.post(`/_sim/orders/${id}/expires-in`, { days: 2 })).data
      expect(revived.status).toBe("AUTHORIZED")
      expect(Date.parse(revived.expires_at)).toBeGreaterThanOrEqual(t + 2 * 86_400_000)
      expect((await h.api.post(om(id, "/extend-authorization-time"))).status).toBe(204)
      expect((await h.raw.post(`/_sim/orders/${id}/age`, { days: "x" })).status).toBe(400)
    })

    it("an expired order reads EXPIRED, cannot be captured, updated or extended; refunds of captures still work", async () => {
      const id = await placeOrder(h)
      await capture(id, 1000)
      expect((await h.raw.post(`/_sim/orders/${id}/expire`)).status).toBe(200)
      expect((await getOrder(h, id)).status).toBe("EXPIRED")

      const cap = await capture(id, 100)
      expect(cap.status).toBe(403)
      expect(cap.data.error_code).toBe("CAPTURE_NOT_ALLOWED")
      const ext = await h.api.post(om(id, "/extend-authorization-time"))
      expect(ext.status).toBe(403)
      expect(ext.data).toMatchObject({ error_code: "NOT_ALLOWED", error_messages: ["Order is expired. Authorization time cannot be extended."] })
      const upd = await h.api.patch(om(id, "/authorization"), { order_amount: 5000 })
      expect(upd.status).toBe(403)
      expect(upd.data.error_code).toBe("NOT_ALLOWED")
      expect((await refund(id, 1000)).status).toBe(201)
    })

    it("expires by itself once expires_at has passed (authorizationDays)", async () => {
      const short = await startHarness({ authorizationDays: 0 })
      try {
        const id = await placeOrder(short)
        expect((await getOrder(short, id)).status).toBe("EXPIRED")
      } finally {
        await short.sim.close()
      }
    })
  })

  describe("update authorization (PATCH /authorization)", () => {
    const smaller = () => {
      const lines = cart().order_lines.slice(0, 1)
      return { order_amount: 10000, order_lines: lines, description: "removed shipping" }
    }
    const bigger = () => {
      const lines = cart().order_lines
      lines[0] = { ...lines[0], quantity: 3, total_amount: 15000, total_tax_amount: 3000 }
      return { order_amount: 15500, order_lines: lines }
    }

    it("decreases the amount and replaces the lines (204), remaining recomputed", async () => {
      const id = await placeOrder(h, { payment_method_category: "pay_over_time", payment_method_type: "PAY_LATER_BY_CARD" })
      expect((await h.api.patch(om(id, "/authorization"), smaller())).status).toBe(204)
      const order = await getOrder(h, id)
      expect(order).toMatchObject({ order_amount: 10000, original_order_amount: 10500, remaining_authorized_amount: 10000 })
      expect(order.order_lines).toHaveLength(1)
    })

    it("validates the new amounts with the order-line rules", async () => {
      const id = await placeOrder(h)
      const res = await h.api.patch(om(id, "/authorization"), { ...smaller(), order_amount: 9999 })
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({ error_code: "BAD_VALUE", error_messages: expect.arrayContaining(["Bad value: order_amount"]) })
    })

    it("allows an increase for INVOICE", async () => {
      const id = await placeOrder(h, { payment_method_category: "pay_later" })
      expect((await h.api.patch(om(id, "/authorization"), bigger())).status).toBe(204)
      expect(await getOrder(h, id)).toMatchObject({ order_amount: 15500, remaining_authorized_amount: 15500 })
    })

    it("refuses an increase for a method that cannot be increased (403 NOT_ALLOWED 'Update not allowed.')", async () => {
      const id = await placeOrder(h, { payment_method_type: "PAY_LATER_BY_CARD" })
      const res = await h.api.patch(om(id, "/authorization"), bigger())
      expect(res.status).toBe(403)
      expect(res.data.error_code).toBe("NOT_ALLOWED")
      expect(res.data.error_messages[0]).toBe("Update not allowed.")
      expect(res.data.error_messages[1]).toMatch(/PAY_LATER_BY_CARD does not allow increasing the order amount/)
      expect((await getOrder(h, id)).order_amount).toBe(10500)
    })

    it("refuses an amount below the captured amount", async () => {
      const id = await placeOrder(h)
      await capture(id, 10200)
      const res = await h.api.patch(om(id, "/authorization"), smaller())
      expect(res.status).toBe(403)
      expect(res.data.error_messages).toEqual([
        "Resulting authorization amount 10000 cannot be less than the captured amount 10200 for order. Order authorization cannot be updated",
      ])
    })

    it("refuses updates of cancelled and fully captured orders", async () => {
      const cancelled = await placeOrder(h)
      await h.api.post(om(cancelled, "/cancel"))
      expect((await h.api.patch(om(cancelled, "/authorization"), smaller())).status).toBe(403)
      const captured = await placeOrder(h)
      await capture(captured, 10500)
      expect((await h.api.patch(om(captured, "/authorization"), smaller())).status).toBe(403)
    })
  })

  describe("merchant references and acknowledge", () => {
    it("updates references (204) but not on a cancelled order", async () => {
      const id = await placeOrder(h)
      expect((await h.api.patch(om(id, "/merchant-references"), { merchant_reference1: "NEW-1" })).status).toBe(204)
      expect((await getOrder(h, id)).merchant_reference1).toBe("NEW-1")
      await h.api.post(om(id, "/cancel"))
      const res = await h.api.patch(om(id, "/merchant-references"), { merchant_reference1: "X" })
      expect(res.status).toBe(403)
      expect(res.data.error_messages).toEqual(["Can not update a cancelled order"])
    })

    it("acknowledge → 204", async () => {
      const id = await placeOrder(h)
      expect((await h.api.post(om(id, "/acknowledge"))).status).toBe(204)
      expect((await h.raw.get(`/_sim/orders/${id}`)).data.sim.acknowledged).toBe(true)
    })
  })

  describe("customer details (a new shipping address)", () => {
    const address = { given_name: "Testperson-se", family_name: "Approved", street_address: "Nygatan 2", postal_code: "11122", city: "Stockholm", country: "SE" }

    it("takes a new shipping address while the order is a reservation, and refuses it once captured or cancelled", async () => {
      const id = await placeOrder(h)
      expect((await h.api.patch(om(id, "/customer-details"), { shipping_address: address })).status).toBe(204)
      expect((await getOrder(h, id)).shipping_address).toEqual(expect.objectContaining({ street_address: "Nygatan 2" }))
      await capture(id, 10500)
      const captured = await h.api.patch(om(id, "/customer-details"), { shipping_address: { ...address, street_address: "Other 3" } })
      expect(captured.status).toBe(403)
      expect((await getOrder(h, id)).shipping_address.street_address).toBe("Nygatan 2")
      const cancelled = await placeOrder(h)
      await h.api.post(om(cancelled, "/cancel"))
      expect((await h.api.patch(om(cancelled, "/customer-details"), { shipping_address: address })).status).toBe(403)
    })

    it("refuses an address outside the purchase country (422 INVALID_ADDRESS) and when told to by the control API", async () => {
      const id = await placeOrder(h)
      const abroad = await h.api.patch(om(id, "/customer-details"), { shipping_address: { ...address, country: "NO" } })
      expect(abroad.status).toBe(422)
      expect(abroad.data.error_code).toBe("INVALID_ADDRESS")
      await h.raw.post(`/_sim/orders/${id}/refuse-address-changes`, { message: "Address change not approved" })
      const refused = await h.api.patch(om(id, "/customer-details"), { shipping_address: address })
      expect(refused.status).toBe(403)
      expect(refused.data.error_messages).toEqual(["Address change not approved"])
      await h.raw.post(`/_sim/orders/${id}/refuse-address-changes`, { refuse: false })
      expect((await h.api.patch(om(id, "/customer-details"), { shipping_address: address })).status).toBe(204)
    })
  })
})
