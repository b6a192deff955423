import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/**
 * Amounts in the plugin's admin API: the plugin's own fields are minor units (öre) and end in
 * `_minor`, next to `currency_code`; `klarna` is Klarna's order as Klarna sends it (minor units).
 */
export type KlarnaEvent = {
  id: string
  action: string
  outcome: "succeeded" | "failed" | "skipped" | "pending_retry" | "needs_attention" | "dismissed" | "running"
  message: string
  /** Minor units of `currency_code`. */
  amount_minor: number | null
  currency_code: string | null
  klarna_capture_id: string | null
  klarna_refund_id: string | null
  correlation_id: string | null
  actor: string
  created_at: string
  resolved_at?: string | null
}

/** An entry of GET /admin/klarna/attention (and the order's `attention`). */
export type KlarnaAttentionItem = KlarnaEvent & {
  order_id: string
  display_id: number | null
  reason: string
  attempts: number
  updated_at: string
  retrying: boolean
  can_retry: boolean
}

export type KlarnaHistory = {
  gateway: string
  plugin: string | null
  title: string | null
  payment_method: string
  klarna_order_id: string | null
  reservation_number: string | null
  invoice_number: string | null
  environment: string | null
  reason: "legacy_gateway" | "order_management_disconnected" | "no_klarna_order_id"
}

/** A capture's shipping info as Klarna answers it. */
export type KlarnaShippingInfo = { shipping_company?: string | null; shipping_method?: string | null; tracking_number?: string | null; tracking_uri?: string | null }

export type KlarnaOrderState = {
  order_id: string
  klarna_order_id: string | null
  /** Where the order lives: Klarna (Klarna Payments) or Kustom (Klarna Checkout). */
  connection?: "klarna" | "kustom" | null
  payment: null | {
    id: string
    currency_code: string
    amount_minor: number
    captured_amount_minor: number
    refunded_amount_minor: number
    canceled_at: string | null
    data: Record<string, any>
  }
  /** Klarna's order as Klarna answers it: amounts in minor units. */
  klarna: null | {
    status: string
    fraud_status?: string
    order_amount: number
    captured_amount: number
    refunded_amount: number
    remaining_authorized_amount: number
    purchase_currency: string
    klarna_reference?: string
    expires_at?: string
    captures: Array<{ capture_id: string; klarna_reference?: string; captured_amount: number; captured_at?: string; shipping_info?: KlarnaShippingInfo[] | null }>
    refunds: Array<{ refund_id: string; refunded_amount: number; refunded_at?: string; description?: string; reference?: string }>
  }
  klarna_error: { message: string; correlation_id?: string } | null
  /** The reservation's expiry (see klarna-expiry). */
  authorization?: import("../components/klarna-expiry").KlarnaAuthorization | null
  /** An imported order Medusa keeps as read-only Klarna history (a legacy WooCommerce gateway, say). */
  klarna_history?: KlarnaHistory | null
  events: KlarnaEvent[]
  attention?: KlarnaAttentionItem[]
  /** The merchant's "leave this order alone": while off, no automation acts on the order in Klarna. */
  automation?: KlarnaOrderAutomation
}

export type KlarnaOrderAutomation = { enabled: boolean; reason: string | null; changed_by: string | null; changed_at: string | null }

export type KlarnaToggleName =
  | "capture_on_complete"
  | "cancel_on_cancel"
  | "update_on_edit"
  | "extend_before_expiry"
  | "tracking_after_capture"
  | "merchant_references"
  | "address_to_klarna"

export type KlarnaSettings = {
  toggles: Record<KlarnaToggleName, Record<string, boolean>>
  completion_trigger: string
  goodwill_vat_policy: string
  extend_days_before_expiry: number
  expiry_warning_days: number
  merchant_reference2: string
  imported_reference1: string
}

export const klarnaOrderKey = (orderId: string) => ["klarna-order", orderId]

/** The order's live Klarna state; `followUntil` keeps polling briefly after an action (automations finish after the response). */
export function useKlarnaOrder(orderId: string, followUntil = 0) {
  return useQuery({
    queryKey: klarnaOrderKey(orderId),
    queryFn: () => sdk.client.fetch<KlarnaOrderState>(`/admin/klarna/orders/${orderId}`),
    refetchInterval: () => (Date.now() < followUntil ? 1500 : false),
  })
}

export function useKlarnaOrderAction(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<any>(path, { method: "POST", body: body ?? {} }),
    onSettled: () => {
      client.invalidateQueries({ queryKey: klarnaOrderKey(orderId) })
      client.invalidateQueries({ queryKey: ["orders"] })
    },
  })
}

/** Switches the order's automatic Klarna management off (with the reason) or back on. */
export function useSetKlarnaOrderAutomation(orderId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { enabled: boolean; reason?: string }) =>
      sdk.client.fetch<{ automation: KlarnaOrderAutomation; event: KlarnaEvent }>(`/admin/klarna/orders/${orderId}/automation`, { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: klarnaOrderKey(orderId) }),
  })
}

export function useKlarnaSettings() {
  return useQuery({
    queryKey: ["klarna-settings"],
    queryFn: () => sdk.client.fetch<{ settings: KlarnaSettings; connection: Record<string, any>; connections?: any[] }>(`/admin/klarna/settings`),
  })
}

export function useSaveKlarnaSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (patch: Partial<KlarnaSettings>) =>
      sdk.client.fetch<{ settings: KlarnaSettings }>(`/admin/klarna/settings`, { method: "POST", body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["klarna-settings"] }),
  })
}

/** Klarna's message (and correlation id) from a failed admin call. */
export function errorText(e: unknown): string {
  const err = e as { message?: string }
  return err?.message ?? "The Klarna action failed."
}
