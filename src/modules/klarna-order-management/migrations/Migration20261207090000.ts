import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Settlement reconciliation: the event-log action of payouts that do not match Medusa. */
export class Migration20261207090000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_action_check";`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_action_check" check("action" in ('authorize', 'capture', 'cancel', 'update', 'refund', 'sync', 'extend', 'release', 'webhook', 'error', 'shipping_info', 'merchant_references', 'customer_details', 'automation', 'settlement'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "klarna_event" drop constraint if exists "klarna_event_action_check";`);
    this.addSql(`delete from "klarna_event" where "action" = 'settlement';`);
    this.addSql(`alter table if exists "klarna_event" add constraint "klarna_event_action_check" check("action" in ('authorize', 'capture', 'cancel', 'update', 'refund', 'sync', 'extend', 'release', 'webhook', 'error', 'shipping_info', 'merchant_references', 'customer_details', 'automation'));`);
  }

}
