import type { KLARNA_SHIPPING_METHODS } from "../client/schemas"

export type KlarnaShippingMethod = (typeof KLARNA_SHIPPING_METHODS)[number]

export type ShipmentHints = {
  /** The fulfilment provider, e.g. "postnord_postnord", "manual_manual". */
  provider_id?: string | null
  /** The shipping option's name, and its type's code and label. */
  option_name?: string | null
  option_type?: string | null
  /** The fulfilment needs no shipping (digital goods). */
  digital?: boolean
  tracking_url?: string | null
}

// Checked in this order: "Hämta hos ombud" or "Paketbox, hemleverans av avisering" name the first that fits.
const METHODS: Array<[KlarnaShippingMethod, RegExp]> = [
  ["DHLPackstation", /packstation/],
  ["ClickCollect", /click\s*(&|and|n|\+)?\s*collect/],
  ["PickUpStore", /(pick\s*-?\s*up|hämta|hamta).{0,12}(store|butik|shop\b)|butiksupphämtning|in-store/],
  ["PickUpPoint", /pick\s*-?\s*up|ombud|utlämning|utlamning|service\s*-?\s*point|parcel\s*-?\s*shop|pakkeshop|noutopiste/],
  ["BoxReg", /box|skåp|locker/],
  ["Home", /\bhome|\bhem|door|dörr|dorr/],
  ["Digital", /digital|e-?mail|download|nedladdning/],
  ["PalletDelivery", /pallet|pall\b/],
]

const CARRIERS: Array<[string, RegExp]> = [
  ["PostNord", /postnord/],
  ["DHL", /\bdhl/],
  ["Bring", /\bbring/],
  ["Budbee", /budbee/],
  ["Instabox", /instabox/],
  ["Airmee", /airmee/],
  ["Early Bird", /early\s*-?\s*bird/],
  ["DB Schenker", /schenker/],
  ["GLS", /\bgls/],
  ["UPS", /\bups\b|ups\.com/],
  ["FedEx", /fedex/],
  ["DSV", /\bdsv/],
]

/** Lower case, soft hyphens out, provider id separators read as spaces. */
const normalise = (parts: Array<string | null | undefined>) =>
  parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(" ")
    .replace(/\u00ad/g, "")
    .replace(/[_]/g, " ")
    .toLowerCase()

/**
 * Klarna's `shipping_method` for a shipment, read from the shipping option's
 * name and type and the fulfilment provider; undefined (left out) when none
 * says how it travels.
 */
export function klarnaShippingMethod(hints: ShipmentHints): KlarnaShippingMethod | undefined {
  if (hints.digital) return "Digital"
  const text = normalise([hints.option_name, hints.option_type, hints.provider_id])
  return METHODS.find(([, pattern]) => pattern.test(text))?.[0]
}

/** The carrier's name (`shipping_company`) from the provider, the option or the tracking link's host; undefined when unknown. */
export function klarnaShippingCompany(hints: ShipmentHints): string | undefined {
  const text = normalise([hints.provider_id, hints.option_name, hostOf(hints.tracking_url)])
  return CARRIERS.find(([, pattern]) => pattern.test(text))?.[0]
}

function hostOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname
  } catch {
    return undefined
  }
}
