import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130141014 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "klarna_setting" drop constraint if exists "klarna_setting_scope_unique";`);
    this.addSql(`create table if not exists "klarna_event" ("id" text not null, "order_id" text not null, "payment_id" text null, "action" text check ("action" in ('authorize', 'capture', 'cancel', 'update', 'refund', 'sync', 'extend', 'release', 'webhook', 'error')) not null, "outcome" text check ("outcome" in ('succeeded', 'failed', 'skipped', 'pending_retry', 'needs_attention')) not null, "message" text not null, "amount" integer null, "currency_code" text null, "klarna_order_id" text null, "klarna_capture_id" text null, "klarna_refund_id" text null, "klarna_reference" text null, "correlation_id" text null, "error_code" text null, "actor" text not null default 'automation', "operation_key" text null, "attempts" integer not null default 1, "next_attempt_at" timestamptz null, "payload" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_order_id" ON "klarna_event" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_deleted_at" ON "klarna_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_outcome_next_attempt_at" ON "klarna_event" ("outcome", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_operation_key" ON "klarna_event" ("operation_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "klarna_setting" ("id" text not null, "scope" text not null, "settings" jsonb not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_klarna_setting_scope_unique" ON "klarna_setting" ("scope") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_setting_deleted_at" ON "klarna_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "klarna_event" cascade;`);

    this.addSql(`drop table if exists "klarna_setting" cascade;`);
  }

}
