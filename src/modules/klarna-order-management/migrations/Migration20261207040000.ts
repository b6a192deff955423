import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** "running": an action's entry written before it acts, so one whose process died is run again. */
export class Migration20261207040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_outcome_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_outcome_check" check("outcome" in ('succeeded', 'failed', 'skipped', 'pending_retry', 'needs_attention', 'dismissed', 'running'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "klarna_event" set "outcome" = 'pending_retry' where "outcome" = 'running';`);
    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_outcome_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_outcome_check" check("outcome" in ('succeeded', 'failed', 'skipped', 'pending_retry', 'needs_attention', 'dismissed'));`);
  }

}
