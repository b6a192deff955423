export type {
  FakeFault,
  FakeWooCommerceOptions,
  RecordedRequest,
  RunningFakeWooCommerce,
  WooAddress,
  WooCouponLine,
  WooFeeLine,
  WooLineItem,
  WooLineTax,
  WooMeta,
  WooNote,
  WooOrder,
  WooOrderDetails,
  WooOrderStatus,
  WooRefund,
  WooShippingLine,
  WooTaxLine,
} from "./types"
export { startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET } from "./server"
export { createFakeWooCommerceApp } from "./app"
export { deriveNotes, deriveRefunds, wcPrice } from "./derive"
export { authenticate, signatureBaseString, sign, percentEncode } from "./oauth"
export * from "./sample-orders"
export { generateWooOrders, generateWooDataset, type GenerateOptions, type GeneratedDataset } from "./generate-orders"
