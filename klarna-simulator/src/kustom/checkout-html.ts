import type { SimCheckout } from "../state/checkout-models"

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)

/** Where the simulated shopper sees a checkout: `GET /_sim/kustom/checkout/{id}`. */
export const shopperPageUrl = (baseUrl: string, orderId: string): string =>
  `${baseUrl}/_sim/kustom/checkout/${encodeURIComponent(orderId)}`

/** The checkout order's `html_snippet`: a container with an iframe (and a plain link) to the shopper page. */
export function htmlSnippet(baseUrl: string, orderId: string): string {
  const src = escapeHtml(shopperPageUrl(baseUrl, orderId))
  return (
    `<div id="kco-iframe-container">` +
    `<iframe id="kustom-checkout-iframe" name="kustom-checkout-iframe" src="${src}" title="Kustom Checkout (simulator)" ` +
    `style="width:100%;min-height:480px;border:0"></iframe>` +
    `<p><a href="${src}" target="_blank" rel="noopener">Open the simulated Kustom checkout</a></p>` +
    `</div>`
  )
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${escapeHtml(currency)}`

/** A plain page: the cart, and a form that completes the purchase as the shopper (no JavaScript). */
export function shopperPage(checkout: SimCheckout): string {
  const p = checkout.purchase
  const rows = p.order_lines
    .map((l) => `<tr><td>${escapeHtml(l.name)}</td><td>${l.quantity}</td><td>${money(l.total_amount, p.purchase_currency)}</td></tr>`)
    .join("")
  const id = encodeURIComponent(checkout.order_id)
  const action =
    checkout.status === "checkout_incomplete"
      ? `<form method="post" action="/_sim/kustom/checkouts/${id}/complete"><button type="submit">Place order</button></form>`
      : `<p>This checkout is ${escapeHtml(checkout.status)}.</p>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kustom Checkout (simulator)</title></head>
<body>
<h1>Kustom Checkout (simulator)</h1>
<p>Order ${escapeHtml(checkout.order_id)}</p>
<table><thead><tr><th>Item</th><th>Qty</th><th>Total</th></tr></thead><tbody>${rows}</tbody></table>
<p>Total: ${money(p.order_amount, p.purchase_currency)} (tax ${money(p.order_tax_amount, p.purchase_currency)})</p>
${action}
</body></html>
`
}
