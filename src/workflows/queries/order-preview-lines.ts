import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { buildKlarnaOrderLines, type KlarnaOrderAmounts } from "../../klarna/utils/order-lines"
import { cartToLineSource, type CartForKlarna } from "../../klarna/medusa/cart-line-source"

/**
 * The Klarna order lines of an order as its pending change (edit, claim,
 * exchange) would leave it: Medusa's own preview, with tax lines and totals.
 */
export async function orderPreviewKlarnaLines(
  container: MedusaContainer,
  orderId: string,
  purchaseCountry: string
): Promise<KlarnaOrderAmounts & { total: unknown }> {
  const orderModule = container.resolve(Modules.ORDER)
  const preview = (await orderModule.previewOrderChange(orderId)) as unknown as CartForKlarna & { total: any; items: any[] }
  const items = (preview.items ?? []).filter((i: any) => Number(i.quantity ?? i.detail?.quantity ?? 0) > 0)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "currency_code", "credit_lines.*"], filters: { id: orderId } })
  const source = cartToLineSource(
    { ...preview, id: orderId, currency_code: (order as any).currency_code, items, credit_lines: [] },
    purchaseCountry,
    preview.total
  )
  return { ...buildKlarnaOrderLines(source), total: preview.total }
}
