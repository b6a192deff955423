import { placeOrder, getOrder, om } from "../../../klarna-simulator/__tests__/support/harness"
import { KLARNA_ORDER_MANAGEMENT_MODULE } from "../../modules/klarna-order-management"
import { noteKlarnaCaptureReferenceWorkflow } from "../note-klarna-capture-reference"
import { readKlarnaOrderStateWorkflow } from "../read-klarna-order-state"
import { testKlarnaConnectionWorkflow } from "../test-klarna-connection"
import { simulatedKlarna } from "./support/simulated-klarna"

describe("workflows that read Klarna (against the simulator)", () => {
  let klarna: Awaited<ReturnType<typeof simulatedKlarna>>
  beforeAll(async () => {
    klarna = await simulatedKlarna()
  })
  afterAll(async () => {
    await klarna.stop()
  })

  describe("note-klarna-capture-reference", () => {
    const eventLog = () => {
      const updates: any[] = []
      return { updates, service: { updateKlarnaEvents: async (u: any) => (updates.push(u), [{ id: u.selector.id, ...u.data }]) } }
    }

    it("names the capture's own Klarna reference in the capture's entry", async () => {
      const orderId = await placeOrder(klarna.harness)
      const captured = await klarna.harness.api.post(om(orderId, "/captures"), { captured_amount: 10500 }, { headers: { "Klarna-Idempotency-Key": `t-${orderId}` } })
      const captureId = captured.headers["capture-id"]
      const { updates, service } = eventLog()
      const container = klarna.containerWith({ [KLARNA_ORDER_MANAGEMENT_MODULE]: service })
      await noteKlarnaCaptureReferenceWorkflow(container).run({
        input: { event_id: "kev_1", provider_id: "pp_klarna_klarna", klarna_order_id: orderId, klarna_capture_id: captureId, amount: 10500, currency_code: "sek" },
      })
      const reference = (await getOrder(klarna.harness, orderId)).captures[0].klarna_reference
      expect(reference).toEqual(expect.any(String))
      expect(updates).toEqual([
        {
          selector: { id: "kev_1", klarna_capture_id: captureId, outcome: "succeeded" },
          data: { klarna_reference: reference, message: `Klarna order captured. Capture amount: 105,00 SEK. Capture ID: ${captureId}. Klarna reference: ${reference}.` },
        },
      ])
    })

    it("leaves the entry as it is when the capture cannot be read", async () => {
      const { updates, service } = eventLog()
      const container = klarna.containerWith({ [KLARNA_ORDER_MANAGEMENT_MODULE]: service })
      const { result } = await noteKlarnaCaptureReferenceWorkflow(container).run({
        input: { event_id: "kev_2", provider_id: "pp_klarna_klarna", klarna_order_id: "00000000-0000-0000-0000-000000000000", klarna_capture_id: "nope", amount: 1, currency_code: "sek" },
      })
      expect(result).toBeNull()
      expect(updates).toEqual([])
    })
  })

  describe("read-klarna-order-state", () => {
    it("answers Klarna's live order, or why it could not be read", async () => {
      const orderId = await placeOrder(klarna.harness)
      const container = klarna.containerWith()
      const found = await readKlarnaOrderStateWorkflow(container).run({ input: { klarna_order_id: orderId } })
      expect(found.result).toEqual({ klarna: expect.objectContaining({ order_id: orderId, status: "AUTHORIZED", order_amount: 10500 }), klarna_error: null })
      const missing = await readKlarnaOrderStateWorkflow(container).run({ input: { klarna_order_id: "00000000-0000-0000-0000-000000000000" } })
      expect(missing.result.klarna).toBeNull()
      expect(missing.result.klarna_error).toEqual(expect.objectContaining({ message: expect.stringMatching(/NO_SUCH_ORDER|not found/i) }))
    })
  })

  describe("test-klarna-connection", () => {
    it("says Klarna accepted the credentials, or Klarna's refusal without the secret", async () => {
      const ok = await testKlarnaConnectionWorkflow(klarna.containerWith()).run({ input: {} })
      expect(ok.result).toEqual(expect.objectContaining({ ok: true, message: `Connected: Klarna accepted the credentials at ${klarna.harness.sim.url}.` }))
      const refused = await testKlarnaConnectionWorkflow(klarna.containerWith({}, "wrong-secret-123")).run({ input: {} })
      expect(refused.result).toEqual(expect.objectContaining({ ok: false, status: 401 }))
      expect(JSON.stringify(refused.result)).not.toContain("wrong-secret-123")
    })
  })
})
