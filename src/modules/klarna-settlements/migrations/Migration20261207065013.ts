import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207065013 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "klarna_settlement_transaction" drop constraint if exists "klarna_settlement_transaction_connection_transaction_key_unique";`);
    this.addSql(`alter table if exists "klarna_payout" drop constraint if exists "klarna_payout_connection_payment_reference_unique";`);
    this.addSql(`create table if not exists "klarna_payout" ("id" text not null, "connection" text not null, "brand" text check ("brand" in ('klarna', 'kustom')) not null, "payment_reference" text not null, "payout_date" timestamptz not null, "currency_code" text not null, "sale_amount" integer not null, "return_amount" integer not null, "fee_amount" integer not null, "settlement_amount" integer not null, "transaction_count" integer not null default 0, "matched_count" integer not null default 0, "unmatched_count" integer not null default 0, "raw" jsonb not null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_payout_deleted_at" ON "klarna_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_klarna_payout_connection_payment_reference_unique" ON "klarna_payout" ("connection", "payment_reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_payout_payout_date" ON "klarna_payout" ("payout_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "klarna_settlement_transaction" ("id" text not null, "connection" text not null, "transaction_key" text not null, "payout_id" text not null, "payment_reference" text not null, "type" text not null, "detailed_type" text null, "amount" integer not null, "fee_amount" integer null, "currency_code" text not null, "klarna_order_id" text null, "klarna_capture_id" text null, "klarna_refund_id" text null, "capture_date" timestamptz null, "sale_date" timestamptz null, "medusa_order_id" text null, "medusa_order_display_id" text null, "medusa_capture_id" text null, "medusa_refund_id" text null, "match_state" text check ("match_state" in ('matched', 'amount_differs', 'unmatched', 'attached', 'unattached')) not null, "matched_by" text null, "medusa_amount" integer null, "difference" integer null, "duplicate" boolean not null default false, "raw" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_settlement_transaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_payout_id" ON "klarna_settlement_transaction" ("payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_deleted_at" ON "klarna_settlement_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_connection_transaction_key_unique" ON "klarna_settlement_transaction" ("connection", "transaction_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_medusa_order_id" ON "klarna_settlement_transaction" ("medusa_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_medusa_capture_id" ON "klarna_settlement_transaction" ("medusa_capture_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_medusa_refund_id" ON "klarna_settlement_transaction" ("medusa_refund_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_settlement_transaction_match_state" ON "klarna_settlement_transaction" ("match_state") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "klarna_payout" cascade;`);

    this.addSql(`drop table if exists "klarna_settlement_transaction" cascade;`);
  }

}
