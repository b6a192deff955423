import { MedusaService } from "@medusajs/framework/utils"
import { KlarnaEvent } from "./models/klarna-event"
import { KlarnaSetting } from "./models/klarna-setting"
import type { KlarnaEventInput } from "./types/events"
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

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }

export class KlarnaOrderManagementService extends MedusaService({ KlarnaSetting, KlarnaEvent }) {
  protected readonly defaults_: KlarnaSettings
  readonly retryPolicy: RetryPolicy

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

  async isEnabled(toggle: KlarnaToggle, method: KlarnaMethod): Promise<boolean> {
    const settings = await this.getSettings()
    return settings.toggles[toggle][method]
  }

  /**
   * Writes an event-log entry. With an `operation_key`, a retry of the same
   * automatic action updates its entry instead of adding another.
   */
  async recordEvent(input: KlarnaEventInput) {
    if (input.operation_key) {
      const [existing] = await this.listKlarnaEvents(
        { operation_key: input.operation_key, outcome: ["pending_retry", "needs_attention", "failed"] },
        { order: { created_at: "DESC" }, take: 1 }
      )
      if (existing) {
        return await this.updateKlarnaEvents({ id: existing.id, ...(input as any) })
      }
    }
    return await this.createKlarnaEvents(input as any)
  }
}

export default KlarnaOrderManagementService
