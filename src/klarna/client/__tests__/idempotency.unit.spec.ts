import { KLARNA_IDEMPOTENCY_NAMESPACE, klarnaIdempotencyKey } from "../idempotency"

describe("klarnaIdempotencyKey", () => {
  it("is a deterministic UUID v5 of the joined parts", () => {
    const key = klarnaIdempotencyKey("capture", "ord-1", "capt_01")
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(klarnaIdempotencyKey("capture", "ord-1", "capt_01")).toBe(key)
    // pinned: changing the namespace would re-execute every retried operation at Klarna
    expect(KLARNA_IDEMPOTENCY_NAMESPACE).toBe("bcc8c4f9-42e9-46bb-bd40-3791e08c78a2")
    expect(klarnaIdempotencyKey("a")).toBe(klarnaIdempotencyKey("a"))
  })

  it("differs when any part differs", () => {
    const keys = new Set([
      klarnaIdempotencyKey("capture", "ord-1", "capt_01"),
      klarnaIdempotencyKey("capture", "ord-1", "capt_02"),
      klarnaIdempotencyKey("capture", "ord-2", "capt_01"),
      klarnaIdempotencyKey("refund", "ord-1", "capt_01"),
      klarnaIdempotencyKey("capture", "ord-1"),
    ])
    expect(keys.size).toBe(5)
  })

  it("throws without parts or with an empty part", () => {
    expect(() => klarnaIdempotencyKey()).toThrow(/at least one part/)
    expect(() => klarnaIdempotencyKey("capture", "")).toThrow(/part 1/)
    expect(() => klarnaIdempotencyKey(undefined as unknown as string)).toThrow(/part 0/)
  })
})
