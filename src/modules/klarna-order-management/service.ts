import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { KlarnaEvent } from "./models/klarna-event"
import { KlarnaSetting } from "./models/klarna-setting"
import { KlarnaPendingWrite } from "./models/klarna-pending-write"
import { KlarnaOrderAutomation } from "./models/klarna-order-automation"
import type { KlarnaEventInput } from "./types/events"
import type { AutomationBlock } from "../../klarna/messages"
import {
  DEFAULT_KLARNA_SETTINGS,
  KlarnaOrderManagementOptionsSchema,
  KlarnaSettingsSchema,
  mergeKlarnaSettings,
  type KlarnaMethod,
  type KlarnaOrderManagementOptions,
  type KlarnaSettings,
  type KlarnaSettingsPatch,
  type KlarnaToggle,
} from "./types/settings"

const SCOPE = "default"

/** The klarna_event columns an action's outcome may write. */
const EVENT_COLUMNS = new Set([
  "order_id", "payment_id", "action", "outcome", "message", "amount", "currency_code", "klarna_order_id", "klarna_capture_id",
  "klarna_refund_id", "klarna_reference", "correlation_id", "error_code", "actor", "operation_key", "attempts", "next_attempt_at", "payload", "attention",
])

/** Outcomes listed as needing the merchant unless the writer says otherwise. */
const LISTED_BY_DEFAULT = new Set<string>(["needs_attention", "pending_retry"])

export type KlarnaEventRow = InferTypeOf<typeof KlarnaEvent>

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }
export type RecoveryPolicy = { leaseMs: number; unfinishedAfterMs: number }

export class KlarnaOrderManagementService extends MedusaService({ KlarnaSetting, KlarnaEvent, KlarnaPendingWrite, KlarnaOrderAutomation }) {
  protected readonly defaults_: KlarnaSettings
  readonly retryPolicy: RetryPolicy
  readonly recoveryPolicy: RecoveryPolicy

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(...arguments)
    const parsed = KlarnaOrderManagementOptionsSchema.safeParse(options ?? {})
    if (!parsed.success) {
      throw new Error(
        `Invalid medusa-klarna order-management options: ${parsed.error.issues
          .map((i) => `${i.path.join(".") || "options"}: ${i.message}`)
          .join("; ")}`
      )
    }
    const opts: KlarnaOrderManagementOptions = parsed.data
    this.defaults_ = mergeKlarnaSettings(DEFAULT_KLARNA_SETTINGS, opts.settings)
    this.retryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000, ...(opts.retry ?? {}) }
    this.recoveryPolicy = { leaseMs: 60_000, unfinishedAfterMs: 180_000, ...(opts.recovery ?? {}) }
  }

  /** The live settings: what an admin saved, over the plugin-option defaults. */
  async getSettings(): Promise<KlarnaSettings> {
    const [row] = await this.listKlarnaSettings({ scope: SCOPE })
    if (!row) {
      return this.defaults_
    }
    return mergeKlarnaSettings(this.defaults_, row.settings as KlarnaSettingsPatch)
  }

  async updateSettings(patch: KlarnaSettingsPatch, updatedBy?: string): Promise<KlarnaSettings> {
    const next = KlarnaSettingsSchema.parse(mergeKlarnaSettings(await this.getSettings(), patch))
    const [row] = await this.listKlarnaSettings({ scope: SCOPE })
    if (row) {
      await this.updateKlarnaSettings({ id: row.id, settings: next as any, updated_by: updatedBy ?? null })
    } else {
      await this.createKlarnaSettings({ scope: SCOPE, settings: next as any, updated_by: updatedBy ?? null })
    }
    return next
  }

  /**
   * Whether an automation acts: its toggle for the payment method, and — given
   * the order — that the order is not left alone by the merchant.
   */
  async isEnabled(toggle: KlarnaToggle, method: KlarnaMethod, orderId?: string): Promise<boolean> {
    const settings = await this.getSettings()
    if (!settings.toggles[toggle][method]) {
      return false
    }
    return orderId ? (await this.orderAutomation(orderId)).enabled : true
  }

  /** What keeps an automation from acting on the order (null: nothing). */
  async automationBlock(toggle: KlarnaToggle, method: KlarnaMethod, orderId: string): Promise<AutomationBlock | null> {
    const settings = await this.getSettings()
    if (!settings.toggles[toggle][method]) {
      return { by: "toggle" }
    }
    const order = await this.orderAutomation(orderId)
    return order.enabled ? null : { by: "order", reason: order.reason, changed_by: order.changed_by }
  }

  /** The order's automation switch: on unless the merchant left the order alone (with who and why). */
  async orderAutomation(orderId: string): Promise<{ enabled: boolean; reason: string | null; changed_by: string | null; changed_at: Date | null }> {
    const [row] = await this.listKlarnaOrderAutomations({ order_id: orderId }, { take: 1 })
    return row
      ? { enabled: row.enabled, reason: row.reason ?? null, changed_by: row.changed_by ?? null, changed_at: row.updated_at as Date }
      : { enabled: true, reason: null, changed_by: null, changed_at: null }
  }

  /** Switches automation for one order on or off; answers the switch as it was before. */
  async setOrderAutomation(orderId: string, next: { enabled: boolean; reason?: string | null; changed_by?: string | null }) {
    const before = await this.orderAutomation(orderId)
    const [row] = await this.listKlarnaOrderAutomations({ order_id: orderId }, { take: 1 })
    const values = { enabled: next.enabled, reason: next.reason ?? null, changed_by: next.changed_by ?? null }
    if (row) {
      await this.updateKlarnaOrderAutomations({ id: row.id, ...values })
    } else {
      await this.createKlarnaOrderAutomations({ order_id: orderId, ...values })
    }
    return before
  }

  /**
   * Writes an event-log entry. With an `operation_key` it is an upsert: one
   * logical action is one entry, which its retries and duplicates update.
   * A succeeded entry stays as it is when a late duplicate finds nothing
   * left to do. `known` is the entry of that key as the caller just read it
   * (null: none), which spares reading it again.
   */
  async recordEvent(input: KlarnaEventInput, known?: KlarnaEventRow | null) {
    const row = { ...input, attention: input.attention ?? LISTED_BY_DEFAULT.has(input.outcome) }
    if (!input.operation_key) {
      return await this.createKlarnaEvents(row as any)
    }
    const existing = known === undefined ? await this.findEventByOperationKey(input.operation_key) : known
    if (existing) {
      return await this.updateExisting_(existing, row)
    }
    try {
      return await this.createKlarnaEvents(row as any)
    } catch (error) {
      // A concurrent writer created the entry first (unique operation_key): update it instead.
      const winner = await this.findEventByOperationKey(input.operation_key)
      if (!winner) {
        throw error
      }
      return await this.updateExisting_(winner, row)
    }
  }

  /**
   * An action's entry, claimed as running before it acts: a new entry (one
   * INSERT), or the existing one of its key taken over when not settled.
   * `claimed` is null when the entry is settled (succeeded or dismissed) and
   * the action must not run again; `previous` is the entry as it was.
   */
  async claimEvent(input: KlarnaEventInput & { operation_key: string }): Promise<{ claimed: KlarnaEventRow | null; previous: KlarnaEventRow | null }> {
    const row = { ...input, attention: input.attention ?? LISTED_BY_DEFAULT.has(input.outcome) }
    try {
      return { claimed: await this.createKlarnaEvents(row as any), previous: null }
    } catch (error) {
      // The key has an entry (unique operation_key): a retry, a duplicate, or a process that died.
      const previous = await this.findEventByOperationKey(input.operation_key)
      if (!previous) {
        throw error
      }
      if (previous.outcome === "succeeded" || previous.resolved_at) {
        return { claimed: null, previous }
      }
      return { claimed: await this.updateKlarnaEvents({ id: previous.id, ...(row as any) }), previous }
    }
  }

  /**
   * Writes what a claimed action ended with onto its entry, in one UPDATE (the
   * entry was just claimed under the order's lock: nothing to read first).
   */
  @InjectManager()
  async finishClaimedEvent(claimed: KlarnaEventRow, input: Partial<KlarnaEventInput>, @MedusaContext() sharedContext: Context = {}): Promise<KlarnaEventRow> {
    const manager = sharedContext.manager as any
    const knex = manager.getTransactionContext?.() ?? manager.getKnex()
    const written = Object.fromEntries(Object.entries(input).filter(([key, value]) => EVENT_COLUMNS.has(key) && value !== undefined))
    const updated_at = new Date()
    await knex("klarna_event")
      .where({ id: claimed.id })
      .update({ ...written, ...(written.payload != null ? { payload: JSON.stringify(written.payload) } : {}), updated_at })
    return { ...claimed, ...(written as Partial<KlarnaEventRow>), updated_at }
  }

  /**
   * Gives a claim up when its action did not run to an outcome (refused in the
   * admin's request, or nothing to record): a new entry goes, an earlier one
   * gets back what it said before. `previous` may have come through a step's
   * JSON (its date as text).
   */
  async releaseClaimedEvent(claimedId: string, previous: KlarnaEventRow | null): Promise<void> {
    if (!previous) {
      await this.deleteKlarnaEvents(claimedId)
      return
    }
    const { id, outcome, message, next_attempt_at, attempts, attention } = previous
    await this.updateKlarnaEvents({ id, outcome, message, next_attempt_at: next_attempt_at ? new Date(next_attempt_at) : null, attempts, attention } as any)
  }

  async findEventByOperationKey(operationKey: string) {
    const [event] = await this.listKlarnaEvents({ operation_key: operationKey }, { take: 1 })
    return event
  }

  /** Entries that need the merchant and are not resolved yet, most recently attempted first. */
  async listAttention(filters: { order_id?: string } = {}, page: { take?: number; skip?: number } = {}) {
    return await this.listAndCountKlarnaEvents(
      { ...filters, attention: true, resolved_at: null },
      { order: { updated_at: "DESC" }, take: page.take ?? 50, skip: page.skip ?? 0 }
    )
  }

  /** Notes a Klarna write before it is sent; its id settles it once Klarna has answered. */
  async beginKlarnaWrite(write: { klarna_order_id: string; operation: string; idempotency_key: string; amount: number }): Promise<string> {
    const row = await this.createKlarnaPendingWrites(write)
    return row.id
  }

  /** Klarna answered the write (done or refused): its outcome is known. */
  async settleKlarnaWrite(id: string): Promise<void> {
    await this.deleteKlarnaPendingWrites(id)
  }

  /** Whether a write to this Klarna order was sent and never answered, so Klarna may hold more than Medusa knows. */
  async hasUnsettledKlarnaWrites(klarnaOrderId: string): Promise<boolean> {
    const rows = await this.listKlarnaPendingWrites({ klarna_order_id: klarnaOrderId }, { select: ["id"], take: 1 })
    return rows.length > 0
  }

  /** After Klarna's order was read: what the unanswered writes did is now in view. */
  async settleKlarnaWritesOf(klarnaOrderId: string): Promise<void> {
    const rows = await this.listKlarnaPendingWrites({ klarna_order_id: klarnaOrderId }, { select: ["id"] })
    if (rows.length) {
      await this.deleteKlarnaPendingWrites(rows.map((r) => r.id))
    }
  }

  private async updateExisting_(existing: KlarnaEventRow, row: KlarnaEventInput): Promise<KlarnaEventRow> {
    if (existing.outcome === "succeeded" && row.outcome !== "succeeded") {
      return existing
    }
    return await this.updateKlarnaEvents({ id: existing.id, ...(row as any) })
  }
}

export default KlarnaOrderManagementService
