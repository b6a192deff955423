import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206234203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "woo_import_exclusion" drop constraint if exists "woo_import_exclusion_shop_url_woo_order_id_unique";`);
    this.addSql(`create table if not exists "woo_import_exclusion" ("id" text not null, "shop_url" text not null, "woo_order_id" integer not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "woo_import_exclusion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_import_exclusion_deleted_at" ON "woo_import_exclusion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_woo_import_exclusion_shop_url_woo_order_id_unique" ON "woo_import_exclusion" ("shop_url", "woo_order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "woo_import_run" add column if not exists "failure_mark" timestamptz null, add column if not exists "failure_without_date" boolean not null default false, add column if not exists "started_from" timestamptz null, add column if not exists "next_mark" timestamptz null, add column if not exists "heartbeat_at" timestamptz null, add column if not exists "sealed_credentials" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "woo_import_exclusion" cascade;`);

    this.addSql(`alter table if exists "woo_import_run" drop column if exists "failure_mark", drop column if exists "failure_without_date", drop column if exists "started_from", drop column if exists "next_mark", drop column if exists "heartbeat_at", drop column if exists "sealed_credentials";`);
  }

}
