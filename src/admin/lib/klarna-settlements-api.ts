import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** A stored Klarna/Kustom payout (amounts in minor units). */
export type KlarnaPayoutView = {
  id: string
  connection: string
  brand: "klarna" | "kustom"
  payment_reference: string
  payout_date: string
  currency_code: string
  sale_amount_minor: number
  return_amount_minor: number
  fee_amount_minor: number
  settlement_amount_minor: number
  transaction_count: number
  matched_count: number
  unmatched_count: number
}

export type KlarnaSettlementTransactionView = {
  id: string
  type: string
  detailed_type: string | null
  amount_minor: number
  fee_amount_minor: number | null
  currency_code: string
  capture_date: string | null
  klarna_order_id: string | null
  medusa_order_id: string | null
  medusa_order_display_id: string | null
  medusa_capture_id: string | null
  medusa_refund_id: string | null
  match_state: "matched" | "amount_differs" | "unmatched" | "attached" | "unattached"
  difference_minor: number | null
}

export type OrderSettlementPayout = KlarnaPayoutView & {
  order_sale_amount_minor: number
  order_return_amount_minor: number
  order_fee_amount_minor: number
  transactions: KlarnaSettlementTransactionView[]
}

const PAYOUTS_KEY = ["klarna-settlements", "payouts"]

export function useKlarnaPayouts(limit = 50, offset = 0) {
  return useQuery({
    queryKey: [...PAYOUTS_KEY, limit, offset],
    queryFn: () => sdk.client.fetch<{ payouts: KlarnaPayoutView[]; count: number }>(`/admin/klarna/settlements/payouts`, { query: { limit, offset } }),
  })
}

export function useKlarnaPayout(id: string | null) {
  return useQuery({
    queryKey: [...PAYOUTS_KEY, "detail", id],
    enabled: !!id,
    queryFn: () =>
      sdk.client.fetch<{ payout: KlarnaPayoutView & { transactions: KlarnaSettlementTransactionView[] } }>(`/admin/klarna/settlements/payouts/${id}`),
  })
}

export function useOrderSettlements(orderId: string) {
  return useQuery({
    queryKey: ["klarna-settlements", "order", orderId],
    queryFn: () => sdk.client.fetch<{ payouts: OrderSettlementPayout[] }>(`/admin/klarna/orders/${orderId}/settlements`),
  })
}

export function useSyncKlarnaSettlements() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<{ connections: Array<{ connection: string; payouts: number; error?: string }> }>(`/admin/klarna/settlements/sync`, { method: "POST", body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ["klarna-settlements"] }),
  })
}

/** The CSV comes from an authenticated route: fetched with the admin's session, then saved as a file. */
export async function downloadPayoutCsv(payout: KlarnaPayoutView): Promise<void> {
  const base = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")
  const res = await fetch(`${base}/admin/klarna/settlements/payouts/${payout.id}/csv`, { credentials: "include" })
  if (!res.ok) throw new Error(`The CSV could not be downloaded (${res.status}).`)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement("a")
  a.href = url
  a.download = `klarna-payout-${payout.payment_reference}.csv`
  a.click()
  URL.revokeObjectURL(url)
}
