type MedusaAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

/** Medusa address → Klarna address (only the fields that are set). */
export function toKlarnaAddress(address?: MedusaAddress | null, email?: string | null): Record<string, string> | undefined {
  if (!address) {
    return undefined
  }
  const out: Record<string, string | null | undefined> = {
    given_name: address.first_name,
    family_name: address.last_name,
    organization_name: address.company,
    email,
    street_address: address.address_1,
    street_address2: address.address_2,
    postal_code: address.postal_code,
    city: address.city,
    region: address.province,
    country: address.country_code?.toUpperCase(),
    phone: address.phone,
  }
  const entries = Object.entries(out).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== "")
  return entries.length ? Object.fromEntries(entries) : undefined
}
