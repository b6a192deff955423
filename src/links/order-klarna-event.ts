import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import KlarnaOrderManagement from "../modules/klarna-order-management"

/** An order's Klarna event log, readable with query.graph (`klarna_events.*` from the event side). */
export default defineLink(
  { linkable: KlarnaOrderManagement.linkable.klarnaEvent.id, field: "order_id", isList: true },
  OrderModule.linkable.order.id,
  { readOnly: true }
)
