import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130144906 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "woo_order_link" drop constraint if exists "woo_order_link_shop_url_woo_order_id_unique";`);
    this.addSql(`create table if not exists "woo_import_record" ("id" text not null, "run_id" text not null, "woo_order_id" integer not null, "woo_number" text null, "medusa_order_id" text null, "outcome" text check ("outcome" in ('imported', 'updated', 'unchanged', 'skipped', 'failed')) not null, "reason" text null, "klarna_order_id" text null, "differences" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "woo_import_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_import_record_run_id" ON "woo_import_record" ("run_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_import_record_deleted_at" ON "woo_import_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_import_record_run_id_outcome" ON "woo_import_record" ("run_id", "outcome") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "woo_import_run" ("id" text not null, "shop_url" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "dry_run" boolean not null default false, "options" jsonb null, "total" integer not null default 0, "processed" integer not null default 0, "imported" integer not null default 0, "updated" integer not null default 0, "skipped" integer not null default 0, "failed" integer not null default 0, "last_page" integer not null default 0, "high_water_mark" timestamptz null, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "woo_import_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_import_run_deleted_at" ON "woo_import_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "woo_order_link" ("id" text not null, "shop_url" text not null, "woo_order_id" integer not null, "medusa_order_id" text not null, "woo_modified_at" timestamptz null, "woo_status" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "woo_order_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_woo_order_link_deleted_at" ON "woo_order_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_woo_order_link_shop_url_woo_order_id_unique" ON "woo_order_link" ("shop_url", "woo_order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "woo_import_record" cascade;`);

    this.addSql(`drop table if exists "woo_import_run" cascade;`);

    this.addSql(`drop table if exists "woo_order_link" cascade;`);
  }

}
