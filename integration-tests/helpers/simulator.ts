import axios from "axios"

/** The Klarna simulator's test-control API (no Klarna credentials needed). */
export function simulator() {
  const url = process.env.KLARNA_SIMULATOR_URL
  if (!url) {
    throw new Error("KLARNA_SIMULATOR_URL is not set: the integration global setup did not run")
  }
  const http = axios.create({ baseURL: url })
  return {
    url,
    approve: async (sessionId: string, body: Record<string, unknown> = {}) =>
      (await http.post(`/_sim/sessions/${sessionId}/approve`, body)).data as { authorization_token: string },
    order: async (orderId: string) => (await http.get(`/_sim/orders/${orderId}`)).data,
    requests: async (pathContains?: string) =>
      (await http.get(`/_sim/requests`, { params: { path_contains: pathContains } })).data,
    clearRequests: async () => http.delete(`/_sim/requests`),
    fault: async (body: Record<string, unknown>) => (await http.post(`/_sim/faults`, body)).data,
    clearFaults: async () => http.delete(`/_sim/faults`),
    portalCapture: async (orderId: string, amount?: number) =>
      (await http.post(`/_sim/orders/${orderId}/portal-capture`, amount ? { amount } : {})).data,
    expire: async (orderId: string) => http.post(`/_sim/orders/${orderId}/expire`),
    refuseAddressChanges: async (orderId: string, message?: string) =>
      (await http.post(`/_sim/orders/${orderId}/refuse-address-changes`, { refuse: true, message })).data,
    fraudDecision: async (orderId: string, fraud_status: string) =>
      (await http.post(`/_sim/orders/${orderId}/fraud-decision`, { fraud_status })).data,
    /** Pays out what is due at `until` (default: everything captured or refunded so far), as Klarna would. */
    payout: async (until?: string) =>
      (await http.post(`/_sim/settlements/payouts`, until ? { until } : {})).data as {
        payouts: Array<{ realm: string; payment_reference: string; payout_date: string; currency_code: string; totals: Record<string, number> }>
        count: number
      },
    /** Every payout and settlement transaction of both realms. */
    settlements: async () => (await http.get(`/_sim/settlements/payouts`)).data as { payouts: any[]; transactions: any[] },
    kustom: {
      /** Kustom's API with Kustom's credentials (what a merchant's Kustom account sees). */
      api: axios.create({ baseURL: `${url}/kustom`, auth: { username: "PM_sim_kustom", password: "kco_sim_password" } }),
      checkout: async (checkoutOrderId: string) => (await http.get(`/_sim/kustom/checkouts/${checkoutOrderId}`)).data,
      /** The shopper pays in Kustom's checkout: Kustom calls the validation URL first. */
      complete: async (checkoutOrderId: string, body: Record<string, unknown> = {}) =>
        (await http.post(`/_sim/kustom/checkouts/${checkoutOrderId}/complete`, body)).data as {
          completed: boolean
          order_id?: string
          confirmation_url?: string
          validation?: { status?: number; location?: string; error?: string }
        },
      push: async (orderId: string) => (await http.post(`/_sim/kustom/orders/${orderId}/push`)).data,
      pushes: async (orderId: string) => (await http.get(`/_sim/kustom/pushes`, { params: { order_id: orderId } })).data as any[],
    },
  }
}
