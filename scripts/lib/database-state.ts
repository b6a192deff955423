import { Client } from "pg"
import { DEMO_PRODUCTS, DEMO_STORE_NAMES } from "../../demo/demo-store-names"

/** What the main command needs to know about a database, read with plain SQL (no Medusa boot). */
export interface DatabaseState {
  /** The migration fingerprint recorded by the last successful `db:migrate` of the main command. */
  migratedFingerprint: string | null
  /** The demo store's records, or null when the database has no demo sales channel. */
  demoStore: DemoStoreRecords | null
  /** Whether the admin user exists and has an email/password login. */
  adminExists: boolean
}

export interface DemoStoreRecords {
  sales_channel_id: string
  region_id: string | null
  publishable_key: string | null
  shipping_option_id: string | null
  products: Array<{ id: string; title: string; variant_id: string; sku: string; price: number; vat: number }>
}

const STATE_TABLE = "medusa_klarna_start_state"
const FINGERPRINT_KEY = "migrations_fingerprint"

async function withClient<T>(databaseUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

async function tableExists(client: Client, table: string) {
  const { rows } = await client.query("select to_regclass($1) as t", [`public.${table}`])
  return rows[0].t !== null
}

async function firstId(client: Client, sql: string, params: unknown[]) {
  const { rows } = await client.query(sql, params)
  return (rows[0]?.id as string | undefined) ?? null
}

async function readDemoStore(client: Client): Promise<DemoStoreRecords | null> {
  if (!(await tableExists(client, "sales_channel"))) return null
  const salesChannelId = await firstId(client, "select id from sales_channel where name = $1 and deleted_at is null order by created_at limit 1", [DEMO_STORE_NAMES.salesChannel])
  if (!salesChannelId) return null
  const { rows: keys } = await client.query(
    "select token from api_key where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1",
    [DEMO_STORE_NAMES.publishableKey]
  )
  const { rows: variants } = await client.query(
    `select p.id, p.title, v.id as variant_id, v.sku from product_variant v join product p on p.id = v.product_id
      where v.sku = any($1) and v.deleted_at is null and p.deleted_at is null`,
    [DEMO_PRODUCTS.map((p) => p.sku)]
  )
  return {
    sales_channel_id: salesChannelId,
    region_id: await firstId(client, "select id from region where name = $1 and deleted_at is null order by created_at limit 1", [DEMO_STORE_NAMES.region]),
    publishable_key: keys[0]?.token ?? null,
    shipping_option_id: await firstId(client, "select id from shipping_option where name = $1 and deleted_at is null order by created_at limit 1", [DEMO_STORE_NAMES.shippingOption]),
    products: DEMO_PRODUCTS.flatMap((p) => {
      const v = variants.find((row) => row.sku === p.sku)
      return v ? [{ id: v.id, title: v.title, variant_id: v.variant_id, sku: p.sku, price: p.price, vat: p.vat }] : []
    }),
  }
}

async function readAdminExists(client: Client, email: string) {
  if (!(await tableExists(client, "user")) || !(await tableExists(client, "provider_identity"))) return false
  const { rowCount: users } = await client.query(`select 1 from "user" where email = $1 and deleted_at is null`, [email])
  const { rowCount: logins } = await client.query(
    "select 1 from provider_identity where entity_id = $1 and provider = 'emailpass' and deleted_at is null",
    [email]
  )
  return !!users && !!logins
}

export async function readDatabaseState(databaseUrl: string, adminEmail: string): Promise<DatabaseState> {
  return withClient(databaseUrl, async (client) => {
    let migratedFingerprint: string | null = null
    if (await tableExists(client, STATE_TABLE)) {
      const { rows } = await client.query(`select value from ${STATE_TABLE} where key = $1`, [FINGERPRINT_KEY])
      migratedFingerprint = rows[0]?.value ?? null
    }
    return { migratedFingerprint, demoStore: await readDemoStore(client), adminExists: await readAdminExists(client, adminEmail) }
  })
}

/** Records that the database is migrated for `fingerprint` (after a successful `db:migrate`). */
export async function recordMigrated(databaseUrl: string, fingerprint: string) {
  await withClient(databaseUrl, async (client) => {
    await client.query(`create table if not exists ${STATE_TABLE} (key text primary key, value text not null, updated_at timestamptz not null default now())`)
    await client.query(
      `insert into ${STATE_TABLE} (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [FINGERPRINT_KEY, fingerprint]
    )
  })
}
