/**
 * Emitted once per imported order managed in Klarna, when its import
 * committed ({ id: the Medusa order id }). Imported orders get no
 * `order.placed`: this is what lets the plugin act on them after the import
 * (Medusa's order number into Klarna, when the merchant asked for it).
 */
export const WOO_ORDER_IMPORTED = "klarna.woocommerce_import.order_imported"
