/**
 * Sample orders for the fake WooCommerce (reference: woocommerce-import.md §6).
 * SEK; VAT 25 % = tax rate 1 (standard class), 12 % = rate 2 (class
 * `reducerad-moms`); prices include tax.
 *
 * - A (48213): `kco`, processing (authorized), 10 % coupon, shipping. Verbatim from the reference.
 * - B (48377): `klarna_payments`, completed (captured), fee, shipping, one partial refund. Verbatim,
 *   with its refund 48391 and its three notes.
 * - C (48402): `kco`, on-hold (fraud PENDING): empty `transaction_id`, `_wc_klarna_order_id` set; also
 *   carries per-order credentials (`_wc_klarna_shared_secret`, …) that must never be copied.
 * - D (48415): `kco`, cancelled (`_wc_klarna_cancelled` = yes).
 * - E (48420): `klarna_payments`, fully refunded (status refunded), refund 48431 with a line.
 * - F (12007): legacy `klarna_invoice`, completed (2018): reservation/invoice number; `transaction_id` = invoice number.
 * - G (48440): `kco`, pending (unpaid).
 * - H (48441): `bacs`, processing (not Klarna: must be filtered out client side).
 * - I (48442): `kco`, in the trash.
 * - J (48450): `klarna_payments`, processing; the Klarna order id is ONLY in the order notes.
 * - K (48460): `kco`, processing, DELIBERATELY INCONSISTENT: lines add up to 408.00, total says 418.00.
 *
 * Every other sample is internally consistent:
 * Σ (line total + total_tax) + Σ shipping (total + total_tax) + Σ fees (total + total_tax) = total.
 */
import type { WooAddress, WooLineItem, WooMeta, WooNote, WooOrder, WooRefund, WooShippingLine, WooTaxLine } from "./types"

export const SAMPLE_ORDER_A: WooOrder = {
  "id": 48213,
  "parent_id": 0,
  "number": "48213",
  "order_key": "wc_order_Xk2pQ9aL7mN3v",
  "created_via": "checkout",
  "version": "9.8.5",
  "status": "processing",
  "currency": "SEK",
  "currency_symbol": "kr",
  "date_created": "2025-03-14T10:42:17",
  "date_created_gmt": "2025-03-14T09:42:17",
  "date_modified": "2025-03-14T10:43:05",
  "date_modified_gmt": "2025-03-14T09:43:05",
  "discount_total": "263.44",
  "discount_tax": "62.76",
  "shipping_total": "47.20",
  "shipping_tax": "11.80",
  "cart_tax": "564.85",
  "total": "2994.80",
  "total_tax": "576.65",
  "prices_include_tax": true,
  "customer_id": 1187,
  "customer_ip_address": "192.0.2.44",
  "customer_user_agent": "Mozilla/5.0 (iPhone…)",
  "customer_note": "Lämna vid dörren om ingen är hemma.",
  "billing": {
    "first_name": "Anna",
    "last_name": "Lindqvist",
    "company": "",
    "address_1": "Storgatan 12",
    "address_2": "",
    "city": "Stockholm",
    "state": "",
    "postcode": "114 51",
    "country": "SE",
    "email": "anna.lindqvist@example.se",
    "phone": "+46701234567"
  },
  "shipping": {
    "first_name": "Anna",
    "last_name": "Lindqvist",
    "company": "",
    "address_1": "Storgatan 12",
    "address_2": "",
    "city": "Stockholm",
    "state": "",
    "postcode": "114 51",
    "country": "SE",
    "phone": "+46701234567"
  },
  "payment_method": "kco",
  "payment_method_title": "Klarna",
  "transaction_id": "f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7",
  "date_paid": "2025-03-14T10:43:02",
  "date_paid_gmt": "2025-03-14T09:43:02",
  "date_completed": null,
  "date_completed_gmt": null,
  "cart_hash": "8d1f0c6b2e4a9f7d3c5b1a0e9f8d7c6b",
  "meta_data": [
    {
      "id": 774201,
      "key": "_wc_klarna_checkout_flow",
      "value": "embedded"
    },
    {
      "id": 774202,
      "key": "_wc_klarna_order_id",
      "value": "f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7"
    },
    {
      "id": 774203,
      "key": "_kco_recurring_order",
      "value": "no"
    },
    {
      "id": 774204,
      "key": "_wc_klarna_environment",
      "value": "live"
    },
    {
      "id": 774205,
      "key": "_wc_klarna_country",
      "value": "SE"
    },
    {
      "id": 774206,
      "key": "_shipping_email",
      "value": "anna.lindqvist@example.se"
    },
    {
      "id": 774207,
      "key": "is_vat_exempt",
      "value": "no"
    }
  ],
  "line_items": [
    {
      "id": 90311,
      "name": "Moccamaster KBG Select - Svart",
      "product_id": 5120,
      "variation_id": 5124,
      "quantity": 1,
      "tax_class": "",
      "subtotal": "2396.00",
      "subtotal_tax": "599.00",
      "total": "2156.40",
      "total_tax": "539.10",
      "taxes": [
        {
          "id": 1,
          "total": "539.1",
          "subtotal": "599"
        }
      ],
      "meta_data": [
        {
          "id": 774210,
          "key": "pa_farg",
          "value": "svart",
          "display_key": "Färg",
          "display_value": "Svart"
        }
      ],
      "sku": "MM-KBG-SVART",
      "price": 2156.4,
      "parent_name": "Moccamaster KBG Select"
    },
    {
      "id": 90312,
      "name": "Ekologiskt kaffe Mellanrost 450 g",
      "product_id": 4471,
      "variation_id": 0,
      "quantity": 3,
      "tax_class": "reducerad-moms",
      "subtotal": "238.39",
      "subtotal_tax": "28.61",
      "total": "214.55",
      "total_tax": "25.75",
      "taxes": [
        {
          "id": 2,
          "total": "25.746429",
          "subtotal": "28.607143"
        }
      ],
      "meta_data": [],
      "sku": "KAFFE-MR-450",
      "price": 71.51785714285714,
      "parent_name": null
    }
  ],
  "tax_lines": [
    {
      "id": 90315,
      "rate_code": "SE-MOMS 25%-1",
      "rate_id": 1,
      "label": "Moms 25%",
      "compound": false,
      "tax_total": "539.10",
      "shipping_tax_total": "11.80",
      "rate_percent": 25,
      "meta_data": []
    },
    {
      "id": 90316,
      "rate_code": "SE-MOMS 12%-1",
      "rate_id": 2,
      "label": "Moms 12%",
      "compound": false,
      "tax_total": "25.75",
      "shipping_tax_total": "0.00",
      "rate_percent": 12,
      "meta_data": []
    }
  ],
  "shipping_lines": [
    {
      "id": 90314,
      "method_title": "PostNord MyPack Collect",
      "method_id": "flat_rate",
      "instance_id": "4",
      "total": "47.20",
      "total_tax": "11.80",
      "taxes": [
        {
          "id": 1,
          "total": "11.8",
          "subtotal": ""
        }
      ],
      "meta_data": [
        {
          "id": 774215,
          "key": "Artiklar",
          "value": "Moccamaster KBG Select - Svart &times; 1, Ekologiskt kaffe Mellanrost 450 g &times; 3"
        }
      ]
    }
  ],
  "fee_lines": [],
  "coupon_lines": [
    {
      "id": 90313,
      "code": "valkommen10",
      "discount": "263.44",
      "discount_tax": "62.76",
      "meta_data": [
        {
          "id": 774214,
          "key": "coupon_info",
          "value": "[3120,\"valkommen10\",\"percent\",10]"
        }
      ]
    }
  ],
  "refunds": [],
  "is_editable": false,
  "needs_payment": false,
  "needs_processing": true
}

export const SAMPLE_ORDER_B: WooOrder = {
  "id": 48377,
  "parent_id": 0,
  "number": "48377",
  "order_key": "wc_order_Bq7Tz2RkL0sWe",
  "created_via": "checkout",
  "version": "9.8.5",
  "status": "completed",
  "currency": "SEK",
  "currency_symbol": "kr",
  "date_created": "2025-06-02T19:05:44",
  "date_created_gmt": "2025-06-02T17:05:44",
  "date_modified": "2025-06-20T14:01:09",
  "date_modified_gmt": "2025-06-20T12:01:09",
  "discount_total": "0.00",
  "discount_tax": "0.00",
  "shipping_total": "63.20",
  "shipping_tax": "15.80",
  "cart_tax": "200.15",
  "total": "1135.00",
  "total_tax": "215.95",
  "prices_include_tax": true,
  "customer_id": 0,
  "customer_ip_address": "198.51.100.23",
  "customer_user_agent": "Mozilla/5.0 (Windows…)",
  "customer_note": "",
  "billing": {
    "first_name": "Erik",
    "last_name": "Johansson",
    "company": "",
    "address_1": "Kungsgatan 5",
    "address_2": "lgh 1102",
    "city": "Göteborg",
    "state": "",
    "postcode": "411 19",
    "country": "SE",
    "email": "erik.johansson@example.se",
    "phone": "+46731234567"
  },
  "shipping": {
    "first_name": "Erik",
    "last_name": "Johansson",
    "company": "",
    "address_1": "Kungsgatan 5",
    "address_2": "lgh 1102",
    "city": "Göteborg",
    "state": "",
    "postcode": "411 19",
    "country": "SE",
    "phone": "+46731234567"
  },
  "payment_method": "klarna_payments",
  "payment_method_title": "Klarna - Betala senare",
  "transaction_id": "0b7e9a52-6d1c-4f83-a2e4-93c5d7f018aa",
  "date_paid": "2025-06-02T19:06:31",
  "date_paid_gmt": "2025-06-02T17:06:31",
  "date_completed": "2025-06-03T09:12:30",
  "date_completed_gmt": "2025-06-03T07:12:30",
  "cart_hash": "3b9e2d7a1c0f4e8b6a5d9c2e1f0a7b3c",
  "meta_data": [
    {
      "id": 781101,
      "key": "_kp_session_id",
      "value": "7d2e4c10-58b1-4a6f-bc3e-2f91e0a6d845"
    },
    {
      "id": 781102,
      "key": "_wc_klarna_environment",
      "value": "live"
    },
    {
      "id": 781103,
      "key": "_wc_klarna_country",
      "value": "SE"
    },
    {
      "id": 781104,
      "key": "_wc_klarna_order_id",
      "value": "0b7e9a52-6d1c-4f83-a2e4-93c5d7f018aa"
    },
    {
      "id": 781105,
      "key": "_kp_payment_method",
      "value": "Betala senare"
    },
    {
      "id": 781106,
      "key": "_krokedil_environment_info",
      "value": {
        "php_version": "8.2.28",
        "wc_version": "9.8.5",
        "wp_version": "6.8.1",
        "plugin_version": "4.1.2"
      }
    },
    {
      "id": 781120,
      "key": "_wc_klarna_capture_id",
      "value": "c4e8a1f7-93b2-4d05-8e6a-1a2b3c4d5e6f"
    }
  ],
  "line_items": [
    {
      "id": 91020,
      "name": "Linneduk Natur 150x250",
      "product_id": 6302,
      "variation_id": 0,
      "quantity": 2,
      "tax_class": "",
      "subtotal": "718.40",
      "subtotal_tax": "179.60",
      "total": "718.40",
      "total_tax": "179.60",
      "taxes": [
        {
          "id": 1,
          "total": "179.6",
          "subtotal": "179.6"
        }
      ],
      "meta_data": [],
      "sku": "LIN-DUK-150250",
      "price": 359.2,
      "parent_name": null
    },
    {
      "id": 91021,
      "name": "Honung från Gotland 500 g",
      "product_id": 7110,
      "variation_id": 0,
      "quantity": 1,
      "tax_class": "reducerad-moms",
      "subtotal": "106.25",
      "subtotal_tax": "12.75",
      "total": "106.25",
      "total_tax": "12.75",
      "taxes": [
        {
          "id": 2,
          "total": "12.75",
          "subtotal": "12.75"
        }
      ],
      "meta_data": [],
      "sku": "HON-GOT-500",
      "price": 106.25,
      "parent_name": null
    }
  ],
  "tax_lines": [
    {
      "id": 91024,
      "rate_code": "SE-MOMS 25%-1",
      "rate_id": 1,
      "label": "Moms 25%",
      "compound": false,
      "tax_total": "187.40",
      "shipping_tax_total": "15.80",
      "rate_percent": 25,
      "meta_data": []
    },
    {
      "id": 91025,
      "rate_code": "SE-MOMS 12%-1",
      "rate_id": 2,
      "label": "Moms 12%",
      "compound": false,
      "tax_total": "12.75",
      "shipping_tax_total": "0.00",
      "rate_percent": 12,
      "meta_data": []
    }
  ],
  "shipping_lines": [
    {
      "id": 91022,
      "method_title": "Budbee Hemleverans",
      "method_id": "flat_rate",
      "instance_id": "7",
      "total": "63.20",
      "total_tax": "15.80",
      "taxes": [
        {
          "id": 1,
          "total": "15.8",
          "subtotal": ""
        }
      ],
      "meta_data": [
        {
          "id": 781110,
          "key": "Artiklar",
          "value": "Linneduk Natur 150x250 &times; 2, Honung från Gotland 500 g &times; 1"
        }
      ]
    }
  ],
  "fee_lines": [
    {
      "id": 91023,
      "name": "Presentinslagning",
      "tax_class": "",
      "tax_status": "taxable",
      "amount": "31.2",
      "total": "31.20",
      "total_tax": "7.80",
      "taxes": [
        {
          "id": 1,
          "total": "7.8",
          "subtotal": ""
        }
      ],
      "meta_data": []
    }
  ],
  "coupon_lines": [],
  "refunds": [
    {
      "id": 48391,
      "reason": "Retur: Honung från Gotland",
      "total": "-119.00"
    }
  ],
  "is_editable": false,
  "needs_payment": false,
  "needs_processing": true
}

export const SAMPLE_REFUND_B_48391: WooRefund = {
  "id": 48391,
  "date_created": "2025-06-20T14:01:05",
  "date_created_gmt": "2025-06-20T12:01:05",
  "amount": "119.00",
  "reason": "Retur: Honung från Gotland",
  "refunded_by": 3,
  "refunded_payment": true,
  "meta_data": [],
  "line_items": [
    {
      "id": 91040,
      "name": "Honung från Gotland 500 g",
      "product_id": 7110,
      "variation_id": 0,
      "quantity": -1,
      "tax_class": "reducerad-moms",
      "subtotal": "-106.25",
      "subtotal_tax": "-12.75",
      "total": "-106.25",
      "total_tax": "-12.75",
      "taxes": [
        {
          "id": 2,
          "total": "-12.75",
          "subtotal": "-12.75"
        }
      ],
      "meta_data": [
        {
          "id": 781130,
          "key": "_refunded_item_id",
          "value": "91021"
        }
      ],
      "sku": "HON-GOT-500",
      "price": 106.25,
      "parent_name": null
    }
  ],
  "shipping_lines": [],
  "fee_lines": [],
  "tax_lines": [
    {
      "id": 91041,
      "rate_code": "SE-MOMS 12%-1",
      "rate_id": 2,
      "label": "Moms 12%",
      "compound": false,
      "tax_total": "-12.75",
      "shipping_tax_total": "0.00",
      "rate_percent": 12,
      "meta_data": []
    }
  ]
}

/** Notes of B, newest first (verbatim wording from the Klarna plugins). */
export const SAMPLE_NOTES_B: WooNote[] = [
  {
    id: 120455,
    author: "Maria Berg",
    date_created: "2025-06-20T14:01:05",
    date_created_gmt: "2025-06-20T12:01:05",
    note: 'Processing a refund of <span class="woocommerce-Price-amount amount"><bdi>119,00&nbsp;<span class="woocommerce-Price-currencySymbol">kr</span></bdi></span> with Klarna.',
    customer_note: false,
  },
  {
    id: 119873,
    author: "system",
    date_created: "2025-06-03T09:12:31",
    date_created_gmt: "2025-06-03T07:12:31",
    note: 'Klarna order captured. Capture amount: <span class="woocommerce-Price-amount amount"><bdi>1 135,00&nbsp;<span class="woocommerce-Price-currencySymbol">kr</span></bdi></span>. Capture ID: c4e8a1f7-93b2-4d05-8e6a-1a2b3c4d5e6f',
    customer_note: false,
  },
  {
    id: 119802,
    author: "system",
    date_created: "2025-06-02T19:06:31",
    date_created_gmt: "2025-06-02T17:06:31",
    note: "Payment via Klarna Payments, order ID: 0b7e9a52-6d1c-4f83-a2e4-93c5d7f018aa",
    customer_note: false,
  },
]

export const SAMPLE_NOTES_A: WooNote[] = [
  {
    id: 117240,
    author: "system",
    date_created: "2025-03-14T10:43:02",
    date_created_gmt: "2025-03-14T09:43:02",
    note: "Order status changed from Pending payment to Processing.",
    customer_note: false,
  },
  {
    id: 117239,
    author: "system",
    date_created: "2025-03-14T10:43:02",
    date_created_gmt: "2025-03-14T09:43:02",
    note: "Payment via Klarna Checkout, order ID: f3c1b6de-2a7e-4c59-9d0b-6e5a8f21c4b7",
    customer_note: false,
  },
]

// ---------------------------------------------------------------------------
// Further fixtures. Built from a common base; every amount is written out.

const ADDRESS: WooAddress = {
  first_name: "Karin",
  last_name: "Svensson",
  company: "",
  address_1: "Drottninggatan 41",
  address_2: "",
  city: "Uppsala",
  state: "",
  postcode: "753 10",
  country: "SE",
  phone: "+46709876543",
}

let metaId = 790000
const meta = (key: string, value: unknown): WooMeta => ({ id: ++metaId, key, value })

const rate25 = (id: number, taxTotal: string, shippingTax: string): WooTaxLine => ({
  id,
  rate_code: "SE-MOMS 25%-1",
  rate_id: 1,
  label: "Moms 25%",
  compound: false,
  tax_total: taxTotal,
  shipping_tax_total: shippingTax,
  rate_percent: 25,
  meta_data: [],
})
const rate12 = (id: number, taxTotal: string, shippingTax: string): WooTaxLine => ({
  id,
  rate_code: "SE-MOMS 12%-1",
  rate_id: 2,
  label: "Moms 12%",
  compound: false,
  tax_total: taxTotal,
  shipping_tax_total: shippingTax,
  rate_percent: 12,
  meta_data: [],
})

const line = (
  id: number,
  name: string,
  productId: number,
  sku: string,
  quantity: number,
  taxClass: "" | "reducerad-moms",
  exTax: string,
  tax: string,
  rawTax: string,
  extra: Partial<WooLineItem> = {}
): WooLineItem => ({
  id,
  name,
  product_id: productId,
  variation_id: 0,
  quantity,
  tax_class: taxClass,
  subtotal: exTax,
  subtotal_tax: tax,
  total: exTax,
  total_tax: tax,
  taxes: [{ id: taxClass === "" ? 1 : 2, total: rawTax, subtotal: rawTax }],
  meta_data: [],
  sku,
  price: Number(exTax) / quantity,
  parent_name: null,
  ...extra,
})

const shippingLine = (id: number, title: string, methodId: string, instanceId: string, total: string, tax: string, rawTax: string): WooShippingLine => ({
  id,
  method_title: title,
  method_id: methodId,
  instance_id: instanceId,
  total,
  total_tax: tax,
  taxes: rawTax ? [{ id: 1, total: rawTax, subtotal: "" }] : [],
  meta_data: [],
})

function baseOrder(id: number, created: { local: string; gmt: string }, o: Partial<WooOrder>): WooOrder {
  return {
    id,
    parent_id: 0,
    number: String(id),
    order_key: `wc_order_${(id * 7919).toString(36).padStart(13, "x").slice(-13)}`,
    created_via: "checkout",
    version: "9.8.5",
    status: "processing",
    currency: "SEK",
    currency_symbol: "kr",
    date_created: created.local,
    date_created_gmt: created.gmt,
    date_modified: created.local,
    date_modified_gmt: created.gmt,
    discount_total: "0.00",
    discount_tax: "0.00",
    shipping_total: "0.00",
    shipping_tax: "0.00",
    cart_tax: "0.00",
    total: "0.00",
    total_tax: "0.00",
    prices_include_tax: true,
    customer_id: 0,
    customer_ip_address: "203.0.113.17",
    customer_user_agent: "Mozilla/5.0 (Macintosh…)",
    customer_note: "",
    billing: { ...ADDRESS, email: "karin.svensson@example.se" },
    shipping: { ...ADDRESS },
    payment_method: "kco",
    payment_method_title: "Klarna",
    transaction_id: "",
    date_paid: created.local,
    date_paid_gmt: created.gmt,
    date_completed: null,
    date_completed_gmt: null,
    cart_hash: "0f9e8d7c6b5a49382716f5e4d3c2b1a0",
    meta_data: [],
    line_items: [],
    tax_lines: [],
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
    refunds: [],
    ...o,
  }
}

const POSTNORD = (id: number) => shippingLine(id, "PostNord MyPack Collect", "flat_rate", "4", "47.20", "11.80", "11.8")

/** C: kco on-hold (fraud PENDING): no transaction_id yet, id in meta; per-order credentials present. */
export const SAMPLE_ORDER_C_ON_HOLD: WooOrder = baseOrder(48402, { local: "2025-07-01T08:15:00", gmt: "2025-07-01T06:15:00" }, {
  status: "on-hold",
  date_paid: null,
  date_paid_gmt: null,
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "69.80",
  total: "408.00",
  total_tax: "81.60",
  meta_data: [
    meta("_wc_klarna_checkout_flow", "embedded"),
    meta("_wc_klarna_order_id", "9d4c2a71-3b5e-4f08-a1c6-7e2b9f0d3a54"),
    meta("_wc_klarna_environment", "live"),
    meta("_wc_klarna_country", "SE"),
    meta("_wc_klarna_merchant_id", "PK12345_4f0c2d9e1a77"),
    meta("_wc_klarna_shared_secret", "kco_SHARED_SECRET_do_not_copy_8f3a2e"),
    meta("_kco_recurring_token", "RECURRING_TOKEN_do_not_copy_5b71"),
  ],
  line_items: [line(92001, "Termos 1 l Stål", 6610, "TERMOS-1L", 1, "", "279.20", "69.80", "69.8")],
  shipping_lines: [POSTNORD(92002)],
  tax_lines: [rate25(92003, "69.80", "11.80")],
})

/** D: kco cancelled, cancelled in Klarna too. */
export const SAMPLE_ORDER_D_CANCELLED: WooOrder = baseOrder(48415, { local: "2025-07-03T12:00:10", gmt: "2025-07-03T10:00:10" }, {
  status: "cancelled",
  date_modified: "2025-07-04T09:30:00",
  date_modified_gmt: "2025-07-04T07:30:00",
  transaction_id: "5e1f8b2c-7a4d-4c39-b0e6-2d8f1a9c7e30",
  shipping_total: "63.20",
  shipping_tax: "15.80",
  cart_tax: "59.60",
  total: "377.00",
  total_tax: "75.40",
  meta_data: [
    meta("_wc_klarna_checkout_flow", "embedded"),
    meta("_wc_klarna_order_id", "5e1f8b2c-7a4d-4c39-b0e6-2d8f1a9c7e30"),
    meta("_wc_klarna_environment", "live"),
    meta("_wc_klarna_country", "SE"),
    meta("_wc_klarna_cancelled", "yes"),
  ],
  line_items: [line(92101, "Kökshandduk 2-pack", 6120, "KH-2PACK", 2, "", "238.40", "59.60", "59.6")],
  shipping_lines: [shippingLine(92102, "Budbee Hemleverans", "flat_rate", "7", "63.20", "15.80", "15.8")],
  tax_lines: [rate25(92103, "59.60", "15.80")],
})

/** E: klarna_payments, fully refunded (captured first). */
export const SAMPLE_ORDER_E_REFUNDED: WooOrder = baseOrder(48420, { local: "2025-07-05T16:20:00", gmt: "2025-07-05T14:20:00" }, {
  status: "refunded",
  payment_method: "klarna_payments",
  payment_method_title: "Klarna - Dela upp betalningen",
  transaction_id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  date_modified: "2025-07-12T10:05:00",
  date_modified_gmt: "2025-07-12T08:05:00",
  date_completed: "2025-07-06T09:00:00",
  date_completed_gmt: "2025-07-06T07:00:00",
  cart_tax: "179.80",
  total: "899.00",
  total_tax: "179.80",
  meta_data: [
    meta("_kp_session_id", "3f6e1d2c-4b5a-4968-8776-a5b4c3d2e1f0"),
    meta("_wc_klarna_environment", "live"),
    meta("_wc_klarna_country", "SE"),
    meta("_wc_klarna_order_id", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"),
    meta("_kp_payment_method", "Dela upp betalningen"),
    meta("_wc_klarna_capture_id", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
  ],
  line_items: [line(92201, "Ullfilt Grå 130x170", 6801, "ULL-GRA-130170", 1, "", "719.20", "179.80", "179.8")],
  shipping_lines: [shippingLine(92202, "Fri frakt", "free_shipping", "2", "0.00", "0.00", "")],
  tax_lines: [rate25(92203, "179.80", "0.00")],
  refunds: [{ id: 48431, reason: "Ångerrätt", total: "-899.00" }],
})

export const SAMPLE_REFUND_E_48431: WooRefund = {
  id: 48431,
  date_created: "2025-07-12T10:04:58",
  date_created_gmt: "2025-07-12T08:04:58",
  amount: "899.00",
  reason: "Ångerrätt",
  refunded_by: 3,
  refunded_payment: true,
  meta_data: [],
  line_items: [
    {
      ...line(92210, "Ullfilt Grå 130x170", 6801, "ULL-GRA-130170", -1, "", "-719.20", "-179.80", "-179.8"),
      price: 719.2,
      meta_data: [{ id: 790900, key: "_refunded_item_id", value: "92201" }],
    },
  ],
  shipping_lines: [],
  fee_lines: [],
  tax_lines: [rate25(92211, "-179.80", "0.00")],
}

/** F: legacy Klarna Invoice (gateway 2.x), completed in 2018: read-only history. */
export const SAMPLE_ORDER_F_LEGACY_INVOICE: WooOrder = baseOrder(12007, { local: "2018-11-05T13:44:02", gmt: "2018-11-05T12:44:02" }, {
  status: "completed",
  version: "3.4.5",
  payment_method: "klarna_invoice",
  payment_method_title: "Klarna Faktura",
  transaction_id: "900123456",
  date_modified: "2018-11-07T08:01:12",
  date_modified_gmt: "2018-11-07T07:01:12",
  date_completed: "2018-11-07T08:01:12",
  date_completed_gmt: "2018-11-07T07:01:12",
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "7.48",
  total: "128.80",
  total_tax: "19.28",
  meta_data: [
    meta("_klarna_order_reservation", "3301234567"),
    meta("_klarna_invoice_number", "900123456"),
    meta("_klarna_api", "v2"),
    meta("_klarna_credentials_country", "SE"),
    meta("_klarna_order_activated", "yes"),
  ],
  line_items: [line(30011, "Knäckebröd Råg 520 g", 2210, "KNACK-RAG-520", 2, "reducerad-moms", "62.32", "7.48", "7.478571")],
  shipping_lines: [POSTNORD(30012)],
  tax_lines: [rate12(30013, "7.48", "0.00"), rate25(30014, "0.00", "11.80")],
})

/** G: kco, pending payment (never paid). */
export const SAMPLE_ORDER_G_PENDING: WooOrder = baseOrder(48440, { local: "2025-07-08T21:02:44", gmt: "2025-07-08T19:02:44" }, {
  status: "pending",
  date_paid: null,
  date_paid_gmt: null,
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "35.80",
  total: "238.00",
  total_tax: "47.60",
  meta_data: [meta("_wc_klarna_checkout_flow", "embedded")],
  line_items: [
    line(92301, "Keramikmugg - Blå", 6920, "MUGG-BLA", 1, "", "143.20", "35.80", "35.8", {
      variation_id: 6923,
      parent_name: "Keramikmugg",
      meta_data: [{ id: 790950, key: "pa_farg", value: "bla", display_key: "Färg", display_value: "Blå" }],
    }),
  ],
  shipping_lines: [POSTNORD(92302)],
  tax_lines: [rate25(92303, "35.80", "11.80")],
})

/** H: bank transfer (not Klarna). */
export const SAMPLE_ORDER_H_BACS: WooOrder = baseOrder(48441, { local: "2025-07-09T07:30:00", gmt: "2025-07-09T05:30:00" }, {
  payment_method: "bacs",
  payment_method_title: "Direkt bankbetalning",
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "89.80",
  total: "508.00",
  total_tax: "101.60",
  line_items: [line(92401, "Linneduk Natur 150x250", 6302, "LIN-DUK-150250", 1, "", "359.20", "89.80", "89.8")],
  shipping_lines: [POSTNORD(92402)],
  tax_lines: [rate25(92403, "89.80", "11.80")],
})

/** I: kco order moved to the trash (never listed with status=any). */
export const SAMPLE_ORDER_I_TRASH: WooOrder = baseOrder(48442, { local: "2025-07-09T09:10:00", gmt: "2025-07-09T07:10:00" }, {
  status: "trash",
  transaction_id: "b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e",
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "13.88",
  total: "188.50",
  total_tax: "25.68",
  meta_data: [meta("_wc_klarna_order_id", "b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e"), meta("_wc_klarna_environment", "live"), meta("_wc_klarna_country", "SE")],
  line_items: [line(92501, "Olivolja Extra Virgin 500 ml", 7301, "OLJA-EV-500", 1, "reducerad-moms", "115.62", "13.88", "13.875")],
  shipping_lines: [POSTNORD(92502)],
  tax_lines: [rate12(92503, "13.88", "0.00"), rate25(92504, "0.00", "11.80")],
})

/** J: klarna_payments, processing; transaction_id and _wc_klarna_order_id lost, the id survives in the notes. */
export const SAMPLE_ORDER_J_NOTES_ONLY: WooOrder = baseOrder(48450, { local: "2025-07-10T11:11:11", gmt: "2025-07-10T09:11:11" }, {
  payment_method: "klarna_payments",
  payment_method_title: "Klarna - Betala nu",
  shipping_total: "39.20",
  shipping_tax: "9.80",
  cart_tax: "12.84",
  total: "168.85",
  total_tax: "22.64",
  meta_data: [
    meta("_kp_session_id", "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"),
    meta("_wc_klarna_environment", "test"),
    meta("_wc_klarna_country", "SE"),
    meta("_kp_payment_method", "Betala nu"),
  ],
  line_items: [line(92601, "Choklad Mörk 70 % 100 g", 7410, "CHOK-70-100", 3, "reducerad-moms", "107.01", "12.84", "12.841071")],
  shipping_lines: [shippingLine(92602, "Instabox", "flat_rate", "9", "39.20", "9.80", "9.8")],
  tax_lines: [rate12(92603, "12.84", "0.00"), rate25(92604, "0.00", "9.80")],
})

export const SAMPLE_NOTES_J: WooNote[] = [
  {
    id: 121501,
    author: "system",
    date_created: "2025-07-10T11:12:02",
    date_created_gmt: "2025-07-10T09:12:02",
    note: "Order status changed from Pending payment to Processing.",
    customer_note: false,
  },
  {
    id: 121500,
    author: "system",
    date_created: "2025-07-10T11:12:01",
    date_created_gmt: "2025-07-10T09:12:01",
    note: "Payment via Klarna Payments, order ID: 6c2d9e14-8b3f-4a7c-9e05-1f4b8d2a7c63",
    customer_note: false,
  },
]

export const SAMPLE_NOTES_C: WooNote[] = [
  {
    id: 121020,
    author: "system",
    date_created: "2025-07-01T08:15:40",
    date_created_gmt: "2025-07-01T06:15:40",
    note: "Order status changed from Pending payment to On hold.",
    customer_note: false,
  },
]

/** K: kco, processing, DELIBERATELY INCONSISTENT: lines + shipping = 408.00, total = 418.00. */
export const SAMPLE_ORDER_K_INCONSISTENT: WooOrder = baseOrder(48460, { local: "2025-07-11T15:00:00", gmt: "2025-07-11T13:00:00" }, {
  transaction_id: "2a7f4c91-6e3b-4d8a-b5c2-9f1e0d7a3b68",
  shipping_total: "47.20",
  shipping_tax: "11.80",
  cart_tax: "69.80",
  total: "418.00",
  total_tax: "81.60",
  meta_data: [meta("_wc_klarna_order_id", "2a7f4c91-6e3b-4d8a-b5c2-9f1e0d7a3b68"), meta("_wc_klarna_environment", "live"), meta("_wc_klarna_country", "SE")],
  line_items: [line(92701, "Termos 1 l Stål", 6610, "TERMOS-1L", 1, "", "279.20", "69.80", "69.8")],
  shipping_lines: [POSTNORD(92702)],
  tax_lines: [rate25(92703, "69.80", "11.80")],
})

export const SAMPLE_ORDERS: WooOrder[] = [
  SAMPLE_ORDER_F_LEGACY_INVOICE,
  SAMPLE_ORDER_A,
  SAMPLE_ORDER_B,
  SAMPLE_ORDER_C_ON_HOLD,
  SAMPLE_ORDER_D_CANCELLED,
  SAMPLE_ORDER_E_REFUNDED,
  SAMPLE_ORDER_G_PENDING,
  SAMPLE_ORDER_H_BACS,
  SAMPLE_ORDER_I_TRASH,
  SAMPLE_ORDER_J_NOTES_ONLY,
  SAMPLE_ORDER_K_INCONSISTENT,
]

export const SAMPLE_REFUNDS: Record<number, WooRefund[]> = {
  48377: [SAMPLE_REFUND_B_48391],
  48420: [SAMPLE_REFUND_E_48431],
}

export const SAMPLE_NOTES: Record<number, WooNote[]> = {
  48213: SAMPLE_NOTES_A,
  48377: SAMPLE_NOTES_B,
  48402: SAMPLE_NOTES_C,
  48450: SAMPLE_NOTES_J,
}

/** Ids of the samples whose totals deliberately do not add up. */
export const SAMPLE_INCONSISTENT_IDS: readonly number[] = [48460]

/** Everything for `startFakeWooCommerce({ ...sampleStore() })` (deep copies). */
export function sampleStore(): { orders: WooOrder[]; refunds: Record<number, WooRefund[]>; notes: Record<number, WooNote[]> } {
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
  return { orders: copy(SAMPLE_ORDERS), refunds: copy(SAMPLE_REFUNDS), notes: copy(SAMPLE_NOTES) }
}

export { generateWooOrders, generateWooDataset } from "./generate-orders"
