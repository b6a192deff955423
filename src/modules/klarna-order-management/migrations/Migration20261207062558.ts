import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** After the purchase: one order's automation switch, and the event-log actions of the post-purchase automations. */
export class Migration20261207062558 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "klarna_order_automation" drop constraint if exists "klarna_order_automation_order_id_unique";`);
    this.addSql(`create table if not exists "klarna_order_automation" ("id" text not null, "order_id" text not null, "enabled" boolean not null default true, "reason" text null, "changed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "klarna_order_automation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_klarna_order_automation_order_id_unique" ON "klarna_order_automation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_order_automation_deleted_at" ON "klarna_order_automation" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_action_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_action_check" check("action" in ('authorize', 'capture', 'cancel', 'update', 'refund', 'sync', 'extend', 'release', 'webhook', 'error', 'shipping_info', 'merchant_references', 'customer_details', 'automation'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "klarna_order_automation" cascade;`);

    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_action_check";`);
    this.addSql(`update "klarna_event" set "action" = 'update' where "action" in ('shipping_info', 'merchant_references', 'customer_details', 'automation');`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_action_check" check("action" in ('authorize', 'capture', 'cancel', 'update', 'refund', 'sync', 'extend', 'release', 'webhook', 'error'));`);
  }

}
