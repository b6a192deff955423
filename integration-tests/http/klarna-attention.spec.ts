import axios from "axios"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../../demo/seed-demo-store"
import { retryDueKlarnaActions as retryDueKlarnaAutomations } from "../../src/workflows/klarna-action/retry-due-klarna-actions"
import { setUpKlarnaTestStore } from "../helpers/klarna-test-store"
import { placeKlarnaOrder, type PlacedOrder } from "../helpers/checkout"
import { klarnaEvents, waitForKlarnaEvents } from "../helpers/events"
import { simulator } from "../helpers/simulator"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: Awaited<ReturnType<typeof setUpKlarnaTestStore>>["admin"]
    const sim = simulator()
    // Klarna's own order-management API on the simulator, as the merchant portal would use it.
    const klarnaApi = () => axios.create({ baseURL: sim.url, auth: { username: "sim_user", password: "sim_password" } })

    beforeEach(async () => {
      ;({ store, admin } = await setUpKlarnaTestStore(api, getContainer()))
    })

    const product = (sku: string) => store.products.find((p) => p.sku === sku)!
    const place = (quantity = 1) => placeKlarnaOrder(api, getContainer(), store, [{ variant_id: product("TSHIRT-PINK").variant_id, quantity }])
    const complete = (orderId: string) => api.post(`/admin/orders/${orderId}/complete`, {}, admin)
    const post = (path: string, body: Record<string, unknown> = {}) => api.post(path, body, admin).catch((e) => e.response)
    const attention = async () => (await api.get("/admin/klarna/attention", admin)).data.events as any[]
    const feed = async () => (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })) as any[]

    async function completeWithFailedCapture(placed: PlacedOrder) {
      await complete(placed.order.id)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture" && x.outcome === "failed"))
      return events.find((e) => e.action === "capture")
    }

    describe("a completed order whose capture Klarna refuses for good", () => {
      it("cancelled in Klarna: listed with its reason, announced in the admin feed, shown on the order's widget", async () => {
        const placed = await place()
        await klarnaApi().post(`/ordermanagement/v1/orders/${placed.klarna_order_id}/cancel`)
        const failed = await completeWithFailedCapture(placed)
        const reason = "Klarna order failed to capture, the order has already been canceled."

        const listed = (await attention()).find((e) => e.id === failed.id)
        expect(listed).toEqual(
          expect.objectContaining({
            order_id: placed.order.id,
            display_id: placed.order.display_id,
            action: "capture",
            outcome: "failed",
            reason,
            can_retry: true,
            updated_at: expect.any(String),
          })
        )

        const notifications = await feed()
        expect(notifications).toEqual([
          expect.objectContaining({
            to: "",
            channel: "feed",
            template: "admin-ui",
            resource_id: placed.order.id,
            data: { title: `Klarna capture needs attention: order #${placed.order.display_id}`, description: expect.stringContaining(reason) },
          }),
        ])

        const { data } = await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)
        expect(data.attention).toEqual([expect.objectContaining({ id: failed.id, reason, action: "capture" })])
      })

      it("Klarna answers 403: a retry after the refusal is lifted captures and takes it off the list", async () => {
        const placed = await place()
        await sim.fault({ method: "POST", path: `${placed.klarna_order_id}/captures`, status: 403, times: 0 })
        const failed = await completeWithFailedCapture(placed)
        expect(failed.message).toMatch(/^Could not capture Klarna order\./)
        expect((await attention()).map((e) => e.id)).toContain(failed.id)
        expect(await feed()).toHaveLength(1)

        // Still refused: the admin is told why, it stays listed, and it is not announced twice.
        const refused = await post(`/admin/klarna/attention/${failed.id}/retry`)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/^Could not capture Klarna order\./)
        expect((await attention()).map((e) => e.id)).toContain(failed.id)
        expect(await feed()).toHaveLength(1)

        await sim.clearFaults()
        const retried = await post(`/admin/klarna/attention/${failed.id}/retry`)
        expect(retried.status).toBe(200)
        expect(retried.data.event).toEqual(expect.objectContaining({ id: failed.id, outcome: "succeeded", attempts: 3, actor: `user:${admin.user.id}` }))
        const klarna = await sim.order(placed.klarna_order_id)
        expect(klarna).toEqual(expect.objectContaining({ status: "CAPTURED", captured_amount: 34800 }))
        expect(klarna.captures).toHaveLength(1)

        expect((await attention()).map((e) => e.id)).not.toContain(failed.id)
        const { data } = await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)
        expect(data.attention).toEqual([])
        expect((await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "capture")).toHaveLength(1)
      })

      it("dismissed with a note: off the list, and the event log says who dismissed it and why", async () => {
        const placed = await place()
        await klarnaApi().post(`/ordermanagement/v1/orders/${placed.klarna_order_id}/cancel`)
        const failed = await completeWithFailedCapture(placed)

        const noNote = await post(`/admin/klarna/attention/${failed.id}/dismiss`, { note: "  " })
        expect(noNote.status).toBe(400)
        expect((await attention()).map((e) => e.id)).toContain(failed.id)

        const note = "The customer paid by bank transfer instead."
        const res = await post(`/admin/klarna/attention/${failed.id}/dismiss`, { note })
        expect(res.status).toBe(200)
        expect((await attention()).map((e) => e.id)).not.toContain(failed.id)
        expect((await api.get(`/admin/klarna/orders/${placed.order.id}`, admin)).data.attention).toEqual([])

        const events = await klarnaEvents(getContainer(), placed.order.id)
        expect(events.find((e) => e.id === failed.id)).toEqual(
          expect.objectContaining({ outcome: "failed", resolved_by: `user:${admin.user.id}`, resolution_note: note, resolved_at: expect.any(Date) })
        )
        const dismissal = events.find((e) => e.outcome === "dismissed")
        expect(dismissal).toEqual(expect.objectContaining({ action: "capture", actor: `user:${admin.user.id}` }))
        expect(dismissal.message).toContain(note)

        const again = await post(`/admin/klarna/attention/${failed.id}/retry`)
        expect(again.status).toBe(400)
        expect(again.data.message).toContain("no longer needs attention")
      })
    })

    it("after a Klarna outage, one run of the retry job captures the whole backlog, batch after batch, each once", async () => {
      const orders = [await place(), await place(), await place(), await place(), await place()]
      // Klarna is down for each capture's first attempt and its three inline retries.
      for (const placed of orders) await sim.fault({ method: "POST", path: `${placed.klarna_order_id}/captures`, status: 503, times: 4 })
      for (const placed of orders) {
        await complete(placed.order.id)
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture" && x.outcome === "pending_retry"))
      }

      // Due an hour from now: the five captures, and each checkout's check that its authorization became an order.
      const tried = await retryDueKlarnaAutomations(getContainer(), new Date(Date.now() + 3600_000), { batch: 2 })
      expect(tried).toBe(10)
      for (const placed of orders) {
        const captures = (await sim.order(placed.klarna_order_id)).captures
        const entries = (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "capture")
        expect({ captures: captures.length, entries: entries.map((e) => [e.outcome, e.attempts]) }).toEqual({ captures: 1, entries: [["succeeded", 2]] })
      }
      // Nothing is due any more: the next run tries nothing.
      expect(await retryDueKlarnaAutomations(getContainer(), new Date(Date.now() + 3600_000), { batch: 2 })).toBe(0)
    })

    it("order.completed delivered twice is one capture entry in the event log", async () => {
      const placed = await place()
      await complete(placed.order.id)
      await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "capture" && x.outcome === "succeeded"))
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.completed", data: { id: placed.order.id } })
      await new Promise((r) => setTimeout(r, 1500))
      const captures = (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "capture")
      expect(captures).toEqual([expect.objectContaining({ outcome: "succeeded", amount: 34800 })])
      expect((await sim.order(placed.klarna_order_id)).captures).toHaveLength(1)
    })

    it("an admin's refund is logged with the admin as actor", async () => {
      const placed = await place()
      await api.post(`/admin/payments/${placed.payment.id}/capture`, {}, admin)
      expect((await post(`/admin/payments/${placed.payment.id}/refund`, { amount: 50 })).status).toBe(200)
      const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "refund"))
      expect(events.filter((e) => e.action === "refund")).toEqual([expect.objectContaining({ outcome: "succeeded", actor: `user:${admin.user.id}` })])
    })

    describe("an order edit Medusa refuses after Klarna was updated", () => {
      /** Klarna takes the new lines, then Medusa's confirm fails (the variant now needs stock it has nowhere). */
      async function editRefusedByMedusa(placed: PlacedOrder) {
        const orderId = placed.order.id
        await api.post(`/admin/order-edits`, { order_id: orderId }, admin)
        const { data } = await api.get(`/admin/orders/${orderId}?fields=items.id`, admin)
        await api.post(`/admin/order-edits/${orderId}/items/item/${data.order.items[0].id}`, { quantity: 1 }, admin)
        await api.post(`/admin/order-edits/${orderId}/request`, {}, admin)
        const tshirt = product("TSHIRT-PINK")
        await api.post(`/admin/products/${tshirt.id}/variants/${tshirt.variant_id}`, { manage_inventory: true }, admin)
        return await post(`/admin/order-edits/${orderId}/confirm`)
      }

      it("puts Klarna's lines back through the recorded, retried path when the first restore fails", async () => {
        const placed = await place(2)
        const before = await sim.order(placed.klarna_order_id)
        const lines = (o: any) => o.order_lines.map((l: any) => [l.reference, l.quantity, l.total_amount])
        // The update goes through; the restore that follows does not, until the fault is cleared.
        await sim.fault({ method: "PATCH", path: `${placed.klarna_order_id}/authorization`, status: 503, skip: 1, times: 0 })

        const res = await editRefusedByMedusa(placed)
        expect(res.status).toBe(400)
        const [pending] = (
          await waitForKlarnaEvents(getContainer(), placed.order.id, (e) =>
            e.some((x) => x.action === "update" && x.outcome === "pending_retry" && x.attempts === 1 && /^Could not restore/.test(x.message))
          )
        ).filter((e) => e.outcome === "pending_retry")
        expect(pending.message).toMatch(/^Could not restore the previous lines of the Klarna order yet: .*Retrying automatically/)
        expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(34800) // still the edit Medusa refused
        expect((await attention()).find((e) => e.id === pending.id)).toEqual(expect.objectContaining({ retrying: true, can_retry: true }))

        await sim.clearFaults()
        await retryDueKlarnaAutomations(getContainer(), new Date(Date.now() + 24 * 3600_000))
        const after = await sim.order(placed.klarna_order_id)
        expect(after.order_amount).toBe(before.order_amount)
        expect(lines(after)).toEqual(lines(before))
        const restored = (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.operation_key === pending.operation_key)
        expect(restored).toEqual([expect.objectContaining({ outcome: "succeeded", attempts: 2 })])
        expect(restored[0].message).toBe("The order change was not confirmed in Medusa, so the Klarna order was put back as it was. Order amount: 647,00 SEK.")
        expect((await attention()).map((e) => e.id)).not.toContain(pending.id)
      })

      it("confirming the same change again after the restore updates Klarna again", async () => {
        const placed = await place(2)
        expect((await editRefusedByMedusa(placed)).status).toBe(400)
        await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update" && x.outcome === "succeeded"))
        expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(64700)

        const tshirt = product("TSHIRT-PINK")
        await api.post(`/admin/products/${tshirt.id}/variants/${tshirt.variant_id}`, { manage_inventory: false }, admin)
        expect((await post(`/admin/order-edits/${placed.order.id}/confirm`)).status).toBe(200)
        expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(34800)
        // The confirmation went through: no restore is left waiting.
        const waiting = (await klarnaEvents(getContainer(), placed.order.id)).filter((e) => e.action === "update" && e.outcome === "pending_retry")
        expect(waiting).toEqual([])
      })

      it("a restore recorded before a confirmation whose outcome was never heard leaves a confirmed change alone", async () => {
        const placed = await place(2)
        expect((await editRefusedByMedusa(placed)).status).toBe(400)
        const tshirt = product("TSHIRT-PINK")
        await api.post(`/admin/products/${tshirt.id}/variants/${tshirt.variant_id}`, { manage_inventory: false }, admin)
        const restoreEntry = (await klarnaEvents(getContainer(), placed.order.id)).find((e) => e.payload?.workflow_id === "restore-klarna-authorization")
        expect((await post(`/admin/order-edits/${placed.order.id}/confirm`)).status).toBe(200)
        // As if the process had died after recording the restore of the second attempt: its entry comes due.
        const om = getContainer().resolve("klarnaOrderManagement") as any
        const input = { ...restoreEntry.payload.input, change_key: `${restoreEntry.payload.input.change_key.split("~")[0]}~crashed` }
        await om.recordEvent({
          order_id: placed.order.id,
          action: "update",
          outcome: "pending_retry",
          attention: false,
          operation_key: `restore-update:${placed.klarna_order_id}:${input.change_key}`,
          next_attempt_at: new Date(),
          message: "Klarna was updated for the change; the plugin puts it back if Medusa does not confirm it.",
          payload: { automation: "restore-update", input },
        })
        await retryDueKlarnaAutomations(getContainer(), new Date(Date.now() + 3600_000))
        expect((await sim.order(placed.klarna_order_id)).order_amount).toBe(34800)
        const settled = (await klarnaEvents(getContainer(), placed.order.id)).find((e) => e.operation_key?.endsWith("~crashed"))
        expect(settled).toEqual(expect.objectContaining({ outcome: "skipped", message: "Medusa confirmed the change after all; Klarna keeps the updated order lines." }))
      })

      it("lists the restore under attention when Klarna refuses it for good", async () => {
        const placed = await place(2)
        await sim.fault({ method: "PATCH", path: `${placed.klarna_order_id}/authorization`, status: 403, skip: 1, times: 0 })
        expect((await editRefusedByMedusa(placed)).status).toBe(400)
        const events = await waitForKlarnaEvents(getContainer(), placed.order.id, (e) => e.some((x) => x.action === "update" && x.outcome === "failed"))
        const failed = events.find((e) => e.action === "update" && e.outcome === "failed")
        expect((await attention()).find((e) => e.id === failed.id)).toEqual(expect.objectContaining({ action: "update", can_retry: true }))
        expect((await feed()).map((n) => n.data.title)).toEqual([`Klarna order update needs attention: order #${placed.order.display_id}`])
      })
    })
  },
})
