import { parseKlarnaWebhook } from "../webhook-payload"

const ID = "f3392f8b-6116-4073-ab96-e330819e2c07"

describe("parseKlarnaWebhook", () => {
  it("reads a fraud notification, and a push", () => {
    expect(parseKlarnaWebhook({ order_id: ID, event_type: "FRAUD_RISK_ACCEPTED", event_id: "e-1" })).toEqual({
      order_id: ID,
      event_type: "FRAUD_RISK_ACCEPTED",
      event_id: "e-1",
    })
    expect(parseKlarnaWebhook({ klarna_order_id: ID.toUpperCase() })).toEqual({ order_id: ID })
  })

  it.each([
    undefined,
    null,
    "garbage",
    42,
    [ID],
    {},
    { order_id: 7 },
    { order_id: { $ne: "" } },
    { order_id: "order_123" },
    { order_id: `${ID}\u0000` },
    { order_id: `${ID}\n` },
    { order_id: `../${ID}` },
    { order_id: "00000000-0000-0000-0000-00000000000g" },
    { order_id: ID.replace(/-/g, "") },
  ])("refuses %j", (body) => {
    expect(parseKlarnaWebhook(body)).toBeUndefined()
  })

  it("drops event fields that are not plain short text, keeping the order", () => {
    expect(parseKlarnaWebhook({ order_id: ID, event_type: "FRAUD\u0000", event_id: "x".repeat(101) })).toEqual({ order_id: ID })
  })
})
