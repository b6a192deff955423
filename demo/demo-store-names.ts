/**
 * The names the demo seed gives its records. The main command finds the demo store in the
 * database by these names, without booting Medusa, so keep this file free of imports.
 */
export const DEMO_STORE_NAMES = {
  salesChannel: "Webshop",
  publishableKey: "Webshop",
  region: "Sverige",
  shippingOption: "PostNord ombud",
} as const

export const DEMO_PRODUCTS = [
  { title: "Klarna T-shirt", handle: "klarna-t-shirt", sku: "TSHIRT-PINK", price: 299, vat: 25 },
  { title: "Hoodie", handle: "hoodie", sku: "HOODIE-BLACK", price: 649.5, vat: 25 },
  { title: "Kaffe 500 g", handle: "kaffe-500g", sku: "COFFEE-500", price: 89.9, vat: 12 },
] as const

export const DEMO_ADMIN = {
  email: process.env.DEMO_ADMIN_EMAIL || "admin@example.com",
  password: process.env.DEMO_ADMIN_PASSWORD || "supersecret",
}
