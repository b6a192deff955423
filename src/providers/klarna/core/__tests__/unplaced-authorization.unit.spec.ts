import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError } from "../../../../klarna/client"
import { parseKlarnaProviderOptions } from "../../../../klarna/types/options"
import { sealAuthorizationToken } from "../../../../klarna/decisions/authorization-token"
import { verifyAuthorizationCallback } from "../../../../klarna/decisions/callback-signature"
import { klarnaCreateOrderBody } from "../../../../klarna/decisions/create-order-body"
import { cancelUnplacedAuthorization } from "../unplaced-authorization"

const options = parseKlarnaProviderOptions({ username: "PK1", password: "secret", backendUrl: "https://shop.example/" })
const session = { purchase_country: "SE", purchase_currency: "SEK", locale: "sv-SE", order_amount: 1000, order_tax_amount: 200, order_lines: [] } as any
const data = sealAuthorizationToken({ session_id: "payses_1", authorization_token: "tok", klarna_session: session }, options)

function fakeClient(createOrder: jest.Mock) {
  return { createOrder, cancelOrder: jest.fn(async () => ({})) } as any
}

describe("klarnaCreateOrderBody", () => {
  it("is the session with the merchant data and the signed callback URL, identical on every call", () => {
    const body = klarnaCreateOrderBody(options, data, session)
    expect(body).toEqual(klarnaCreateOrderBody(options, data, session))
    expect(body.merchant_data).toBe(JSON.stringify({ medusa_payment_session_id: "payses_1" }))
    expect(body.merchant_urls?.notification).toBe("https://shop.example/hooks/payment/klarna_klarna")
    const sig = new URL(body.merchant_urls!.authorization).searchParams.get("sig")!
    expect(verifyAuthorizationCallback("payses_1", sig, options)).toBe(true)
  })
})

describe("cancelUnplacedAuthorization", () => {
  it("replays the create-order with the unsealed token and cancels the order Klarna made", async () => {
    const client = fakeClient(jest.fn(async () => ({ order_id: "ko_1" })))
    expect(await cancelUnplacedAuthorization(options, client, data)).toBe("ko_1")
    expect(client.createOrder).toHaveBeenCalledWith("tok", klarnaCreateOrderBody(options, data, session))
    expect(client.cancelOrder).toHaveBeenCalledWith("ko_1", expect.any(String))
  })

  it("does nothing without a token, for a placed order, and when the token expired unused (404)", async () => {
    const client = fakeClient(jest.fn(async () => { throw new KlarnaApiError({ type: MedusaError.Types.NOT_FOUND, message: "gone", operation: "createOrder", status: 404 }) }))
    expect(await cancelUnplacedAuthorization(options, client, { session_id: "payses_1", klarna_session: session })).toBeUndefined()
    expect(await cancelUnplacedAuthorization(options, client, { ...data, klarna_order_id: "ko_0" })).toBeUndefined()
    expect(client.createOrder).not.toHaveBeenCalled()
    expect(await cancelUnplacedAuthorization(options, client, data)).toBeUndefined()
    expect(client.cancelOrder).not.toHaveBeenCalled()
  })
})
