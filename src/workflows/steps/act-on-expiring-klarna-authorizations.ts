import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { decideAuthorizationExpiry, expiresWithin, expiryDay, type ExpiryPolicy } from "../../klarna/decisions/authorization-expiry"
import { expiryMessages, orderName } from "../../klarna/expiry-messages"
import { klarnaMessages } from "../../klarna/messages"
import { KLARNA_ORDER_MANAGEMENT_MODULE, type KlarnaOrderManagementService } from "../../modules/klarna-order-management"
import { klarnaClientFor } from "../../providers/klarna/provider-client"
import { extendBeforeExpiryKlarnaAction, extendBeforeExpiryOperationKey } from "../extend-klarna-authorization-before-expiry"
import { announceKlarnaAttention } from "../klarna-action/announce-klarna-attention"
import { runKlarnaAction } from "../klarna-action/run-klarna-action"
import type { ExpiringKlarnaAuthorization } from "./list-expiring-klarna-authorizations"

export type ExpiryOutcome = { order_id: string; did: "extend" | "warned" | "expired" | "nothing" | "error" }

type Notice = { key: string; outcome: "needs_attention" | "failed"; message: string }

/**
 * One event-log entry per key, listed under attention and announced once;
 * a later run finds it and leaves it (and a dismissal) as it is.
 */
async function notifyOnce(container: MedusaContainer, c: ExpiringKlarnaAuthorization, notice: Notice) {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  if (await om.findEventByOperationKey(notice.key)) return
  const event = await om.recordEvent({
    order_id: c.order_id,
    payment_id: c.payment_id,
    klarna_order_id: c.klarna_order_id,
    action: "extend",
    actor: "automation",
    operation_key: notice.key,
    outcome: notice.outcome,
    message: notice.message,
    attention: true,
  })
  await announceKlarnaAttention(container, null, event as any)
}

async function actOn(container: MedusaContainer, c: ExpiringKlarnaAuthorization, policy: ExpiryPolicy): Promise<ExpiryOutcome["did"]> {
  const om = container.resolve<KlarnaOrderManagementService>(KLARNA_ORDER_MANAGEMENT_MODULE)
  const name = orderName({ id: c.order_id, display_id: c.display_id })
  const expired = (at: string) => notifyOnce(container, c, { key: `authorization-expired:${c.order_id}`, outcome: "failed", message: expiryMessages.expired(name, at) })
  const facts = { expires_at: c.data.expires_at, status: c.data.klarna_status, remaining_authorized_amount: c.data.remaining_authorized_amount }
  const stored = decideAuthorizationExpiry({ ...facts, created_at: null }, policy)
  if (stored.kind === "nothing") return "nothing"
  // Klarna is not asked again about a reservation that has run out.
  if (stored.kind === "expired") return (await expired(stored.expires_at), "expired")

  const method = c.data.payment_method ?? "pay_later"
  const blocked = await om.automationBlock("extend_before_expiry", method, c.order_id)
  if (blocked) {
    // Not extended on purpose, still expiring: the merchant is warned within M days like any reservation left to run out.
    if (!expiresWithin(stored.expires_at, policy.warning_days, policy.now)) return "nothing"
    const message = klarnaMessages.automationOff(blocked, "extend_before_expiry", method, expiryMessages.notExtended(name, stored.expires_at))
    await notifyOnce(container, c, { key: `expiry-warning:${c.order_id}:${expiryDay(stored.expires_at)}`, outcome: "needs_attention", message })
    return "warned"
  }

  // Klarna's order: its creation date (the 180-day cap) and its expiry now.
  const klarna = await klarnaClientFor(container, c.provider_id).getOrder(c.klarna_order_id)
  const key = extendBeforeExpiryOperationKey(c.order_id, expiryDay(klarna.expires_at))
  // Klarna refused to extend this expiry (that entry is the merchant's warning): not asked again.
  const refused = (await om.findEventByOperationKey(key))?.outcome === "needs_attention"
  const live = decideAuthorizationExpiry(
    { created_at: klarna.created_at, expires_at: klarna.expires_at, status: klarna.status, remaining_authorized_amount: klarna.remaining_authorized_amount, refused },
    policy
  )
  switch (live.kind) {
    case "expired":
      await expired(live.expires_at)
      return "expired"
    case "cannot_extend":
      if (live.reason === "refused") return "warned"
      if (!live.warn) return "nothing"
      await notifyOnce(container, c, {
        key: `expiry-warning:${c.order_id}:${expiryDay(live.expires_at)}`,
        outcome: "needs_attention",
        message: expiryMessages.cannotExtend(name, live.expires_at, expiryMessages.capReached(live.max_expires_at!)),
      })
      return "warned"
    case "extend":
      await runKlarnaAction(container, extendBeforeExpiryKlarnaAction, {
        order_id: c.order_id,
        operation_key: key,
        input: { order_id: c.order_id, expires_at: live.expires_at, order_name: name },
      })
      return "extend"
    default:
      return "nothing"
  }
}

/**
 * Extends, warns about or records the end of each reservation found; one
 * order's failure is logged and does not stop the others (the next run tries
 * it again). Writes only event-log entries and Klarna extensions, which have
 * nothing to undo.
 */
export const actOnExpiringKlarnaAuthorizationsStep = createStep(
  "act-on-expiring-klarna-authorizations",
  async (input: { candidates: ExpiringKlarnaAuthorization[]; policy: Omit<ExpiryPolicy, "now"> & { now: string } }, { container }) => {
    const policy = { ...input.policy, now: Date.parse(input.policy.now) }
    const outcomes: ExpiryOutcome[] = []
    for (const c of input.candidates) {
      const did = await actOn(container, c, policy).catch((e) => {
        container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`Klarna expiry check of order ${c.order_id} is tried again on the next run: ${(e as Error).message}`)
        return "error" as const
      })
      outcomes.push({ order_id: c.order_id, did })
    }
    return new StepResponse<ExpiryOutcome[]>(outcomes)
  }
)
