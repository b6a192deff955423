import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "klarna_pending_write" ("id" text not null, "klarna_order_id" text not null, "operation" text not null, "idempotency_key" text not null, "amount" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_pending_write_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_pending_write_klarna_order_id" ON "klarna_pending_write" ("klarna_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_pending_write_deleted_at" ON "klarna_pending_write" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "klarna_pending_write" cascade;`);
  }

}
