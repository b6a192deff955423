import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206235025 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "woo_order_link" add column if not exists "state" text check ("state" in ('importing', 'imported')) not null default 'imported';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "woo_order_link" drop column if exists "state";`);
  }

}
