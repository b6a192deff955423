import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Settlement amounts from 32-bit integers to Medusa's big numbers (numeric plus its raw jsonb): a
// payout above 2 147 483 647 minor units no longer overflows. Rows already synced keep their values:
// the raw columns are filled from them before they become required.
const PAYOUT = { table: "klarna_payout", required: ["sale_amount", "return_amount", "fee_amount", "settlement_amount"], optional: [] as string[] }
const TRANSACTION = { table: "klarna_settlement_transaction", required: ["amount"], optional: ["fee_amount", "medusa_amount", "difference"] }

export class Migration20261207084310 extends Migration {
  override async up(): Promise<void> {
    for (const { table, required, optional } of [PAYOUT, TRANSACTION]) {
      for (const column of [...required, ...optional]) {
        this.addSql(`alter table if exists "${table}" add column if not exists "raw_${column}" jsonb null;`)
        this.addSql(`alter table if exists "${table}" alter column "${column}" type numeric using ("${column}"::numeric);`)
        this.addSql(
          `update "${table}" set "raw_${column}" = jsonb_build_object('value', "${column}"::text, 'precision', 20) where "${column}" is not null and "raw_${column}" is null;`
        )
      }
      for (const column of required) {
        this.addSql(`alter table if exists "${table}" alter column "raw_${column}" set not null;`)
      }
    }
  }

  override async down(): Promise<void> {
    for (const { table, required, optional } of [PAYOUT, TRANSACTION]) {
      for (const column of [...required, ...optional]) {
        this.addSql(`alter table if exists "${table}" drop column if exists "raw_${column}";`)
        this.addSql(`alter table if exists "${table}" alter column "${column}" type integer using ("${column}"::integer);`)
      }
    }
  }
}
