import type { AxiosInstance } from "axios"

/** Fulfils the order, then a return of one pink T-shirt is requested, received and confirmed; answers the return's id. */
export async function receiveReturnOfOneTshirt(api: AxiosInstance, admin: { headers: Record<string, string> }, placed: { order: any }) {
  const { data } = await api.get(`/admin/orders/${placed.order.id}?fields=*items`, admin)
  const tshirtItem = data.order.items.find((i: any) => i.variant_sku === "TSHIRT-PINK")
  await api.post(`/admin/orders/${placed.order.id}/fulfillments`, { items: data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }, admin)
  const { data: created } = await api.post(`/admin/returns`, { order_id: placed.order.id }, admin)
  const returnId = created.return.id
  await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: tshirtItem.id, quantity: 1 }] }, admin)
  await api.post(`/admin/returns/${returnId}/request`, {}, admin)
  await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
  await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: tshirtItem.id, quantity: 1 }] }, admin)
  await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)
  return returnId as string
}
