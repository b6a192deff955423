import { mapWooStatus } from ".."

describe("mapWooStatus (reference §5)", () => {
  it.each([
    ["processing", { payment: "authorized", order_status: "pending" }],
    ["completed", { payment: "captured", order_status: "completed" }],
    ["cancelled", { payment: "canceled", order_status: "canceled" }],
    ["refunded", { payment: "refunded", order_status: "completed" }],
    ["wc-completed", { payment: "captured", order_status: "completed" }],
  ])("%s", (status, medusa) => {
    expect(mapWooStatus(status)).toEqual({ action: "import", woo_status: status.replace("wc-", ""), medusa })
  })

  it("on-hold → authorized, flagged for review", () => {
    const r = mapWooStatus("on-hold")
    expect(r).toMatchObject({ action: "import", medusa: { payment: "authorized", order_status: "pending", flag_review: true } })
  })

  it.each(["pending", "failed", "checkout-draft"])("%s is skipped unless includeUnpaid", (status) => {
    expect(mapWooStatus(status)).toMatchObject({ action: "skip" })
    const r = mapWooStatus(status, { includeUnpaid: true })
    expect(r).toMatchObject({ action: "import", medusa: { flag_review: true } })
  })

  it("failed with includeUnpaid is canceled, pending is not_paid", () => {
    expect(mapWooStatus("failed", { includeUnpaid: true })).toMatchObject({ medusa: { payment: "canceled", order_status: "canceled" } })
    expect(mapWooStatus("pending", { includeUnpaid: true })).toMatchObject({ medusa: { payment: "not_paid", order_status: "pending" } })
  })

  it.each(["trash", "auto-draft", ""])("%j is never imported", (status) => {
    expect(mapWooStatus(status, { includeUnpaid: true }).action).toBe("skip")
  })

  it("refunds: partial vs full", () => {
    expect(mapWooStatus("completed", { refundedAmount: 11900, orderTotal: 113500 })).toEqual({
      action: "import",
      woo_status: "completed",
      medusa: { payment: "partially_refunded", order_status: "completed" },
    })
    expect(mapWooStatus("completed", { refundedAmount: 113500, orderTotal: 113500 })).toMatchObject({ medusa: { payment: "refunded" } })
    expect(mapWooStatus("processing", { refundedAmount: 100, orderTotal: 1000 })).toMatchObject({
      medusa: { payment: "partially_refunded", order_status: "pending", flag_review: true },
    })
    expect(mapWooStatus("refunded", { refundedAmount: 100, orderTotal: 1000 })).toMatchObject({ medusa: { payment: "refunded", flag_review: true } })
    expect(mapWooStatus("cancelled", { refundedAmount: 100, orderTotal: 1000 })).toMatchObject({ medusa: { payment: "canceled", flag_review: true } })
  })

  it("custom statuses: as completed and flagged, or as configured", () => {
    expect(mapWooStatus("shipped")).toMatchObject({ action: "import", medusa: { payment: "captured", order_status: "completed", flag_review: true } })
    expect(mapWooStatus("shipped", { customStatuses: { shipped: "completed" } })).toEqual({
      action: "import",
      woo_status: "shipped",
      medusa: { payment: "captured", order_status: "completed" },
    })
    expect(mapWooStatus("awaiting-stock", { customStatuses: { "awaiting-stock": "processing" } })).toMatchObject({ medusa: { payment: "authorized" } })
    expect(mapWooStatus("quote", { customStatuses: { quote: "skip" } }).action).toBe("skip")
  })
})
