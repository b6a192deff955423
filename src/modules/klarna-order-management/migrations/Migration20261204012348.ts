import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204012348 extends Migration {

  override async up(): Promise<void> {
    // One entry per operation_key from now on: duplicates stay in the log but give up the key to the success (else the newest).
    this.addSql(`update "klarna_event" set "operation_key" = null where "id" in (select "id" from (select "id", row_number() over (partition by "operation_key" order by ("outcome" = 'succeeded') desc, "updated_at" desc, "created_at" desc) as "rn" from "klarna_event" where "operation_key" is not null and "deleted_at" is null) as "ranked" where "rn" > 1);`);
    this.addSql(`drop index if exists "IDX_klarna_event_operation_key";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_klarna_event_operation_key_unique" ON "klarna_event" ("operation_key") WHERE operation_key IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_outcome_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_outcome_check" check("outcome" in ('succeeded', 'failed', 'skipped', 'pending_retry', 'needs_attention', 'dismissed'));`);

    this.addSql(`alter table if exists "klarna_event" add column if not exists "attention" boolean not null default false, add column if not exists "resolved_at" timestamptz null, add column if not exists "resolved_by" text null, add column if not exists "resolution_note" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_attention_resolved_at" ON "klarna_event" ("attention", "resolved_at") WHERE deleted_at IS NULL;`);
    // What needed the merchant before this migration is listed too: gave up, retrying, and automatic actions that failed.
    this.addSql(`update "klarna_event" set "attention" = true where "deleted_at" is null and ("outcome" in ('needs_attention', 'pending_retry') or ("outcome" = 'failed' and "operation_key" is not null and "operation_key" not like 'manual-%'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_klarna_event_attention_resolved_at";`);
    this.addSql(`alter table if exists "klarna_event" drop column if exists "attention", drop column if exists "resolved_at", drop column if exists "resolved_by", drop column if exists "resolution_note";`);

    this.addSql(`delete from "klarna_event" where "outcome" = 'dismissed';`);
    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_outcome_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_outcome_check" check("outcome" in ('succeeded', 'failed', 'skipped', 'pending_retry', 'needs_attention'));`);

    this.addSql(`drop index if exists "IDX_klarna_event_operation_key_unique";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_klarna_event_operation_key" ON "klarna_event" ("operation_key") WHERE deleted_at IS NULL;`);
  }

}
