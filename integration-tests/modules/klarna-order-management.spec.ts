import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../src/modules/klarna-order-management"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<KlarnaOrderManagementService>({
  moduleName: KLARNA_ORDER_MANAGEMENT_MODULE,
  resolve: "./src/modules/klarna-order-management",
  moduleOptions: { settings: { toggles: { cancel_on_cancel: { pay_now: false } }, goodwill_vat_policy: "single_rate_only" } },
  testSuite: ({ service }) => {
    describe("settings", () => {
      it("starts from the plugin options over the defaults", async () => {
        const settings = await service.getSettings()
        expect(settings.toggles.cancel_on_cancel).toEqual({ klarna_checkout: true, pay_later: true, pay_over_time: true, pay_now: false })
        expect(settings.goodwill_vat_policy).toBe("single_rate_only")
        expect(settings.completion_trigger).toBe("order.completed")
      })

      it("saves one switch without touching the others, and reads it back", async () => {
        await service.updateSettings({ toggles: { capture_on_complete: { pay_later: false } } }, "user_1")
        await service.updateSettings({ completion_trigger: "delivery.created" })
        const settings = await service.getSettings()
        expect(settings.toggles.capture_on_complete.pay_later).toBe(false)
        expect(settings.toggles.capture_on_complete.pay_now).toBe(true)
        expect(settings.toggles.cancel_on_cancel.pay_now).toBe(false)
        expect(settings.completion_trigger).toBe("delivery.created")
        expect(await service.isEnabled("capture_on_complete", "pay_later")).toBe(false)
        expect(await service.listKlarnaSettings({})).toHaveLength(1)
      })

      it("refuses settings that do not parse", async () => {
        await expect(service.updateSettings({ completion_trigger: "order.placed" } as any)).rejects.toThrow()
      })
    })

    describe("event log", () => {
      it("a retried automatic action updates its entry instead of adding another", async () => {
        const base = { order_id: "order_1", action: "capture" as const, operation_key: "capture:order_1:completion" }
        await service.recordEvent({ ...base, outcome: "pending_retry", message: "Could not capture Klarna order yet", attempts: 1 })
        await service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna order captured.", attempts: 2, amount: 34800 })
        const events = await service.listKlarnaEvents({ order_id: "order_1" })
        expect(events).toEqual([expect.objectContaining({ outcome: "succeeded", attempts: 2, amount: 34800 })])
      })

      it("one operation_key is one entry: a late duplicate does not overwrite a success", async () => {
        const base = { order_id: "order_2", action: "capture" as const, operation_key: "capture:order_2:completion" }
        await service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna order captured.", amount: 34800 })
        await service.recordEvent({ ...base, outcome: "skipped", message: "Klarna order has already been captured." })
        const events = await service.listKlarnaEvents({ order_id: "order_2" })
        expect(events).toEqual([expect.objectContaining({ outcome: "succeeded", amount: 34800, message: "Klarna order captured." })])
      })

      it("entries without an operation_key are separate entries", async () => {
        const base = { order_id: "order_3", action: "sync" as const }
        await service.recordEvent({ ...base, outcome: "succeeded", message: "Synced" })
        await service.recordEvent({ ...base, outcome: "succeeded", message: "Synced again" })
        expect(await service.listKlarnaEvents({ order_id: "order_3" })).toHaveLength(2)
      })

      it("concurrent writers of one operation_key end with one entry (unique index)", async () => {
        const base = { order_id: "order_4", action: "refund" as const, operation_key: "refund:r_1" }
        await Promise.all([
          service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna refund completed" }),
          service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna refund completed" }),
          service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna refund completed" }),
        ])
        expect(await service.listKlarnaEvents({ order_id: "order_4" })).toHaveLength(1)
      })

      it("lists failures that need attention until resolved; a later success takes one off the list", async () => {
        const base = { order_id: "order_5", action: "capture" as const, operation_key: "capture:order_5:completion" }
        await service.recordEvent({ ...base, outcome: "failed", message: "Could not capture Klarna order.", attention: true })
        await service.recordEvent({ order_id: "order_5", action: "update", outcome: "failed", message: "Refused in the request" })
        const [listed] = await service.listAttention({ order_id: "order_5" })
        expect(listed.map((e) => e.action)).toEqual(["capture"])
        await service.recordEvent({ ...base, outcome: "succeeded", message: "Klarna order captured.", attempts: 2 })
        expect((await service.listAttention({ order_id: "order_5" }))[1]).toBe(0)
      })
    })
  },
})
