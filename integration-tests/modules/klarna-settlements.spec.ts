import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { KLARNA_SETTLEMENTS_MODULE, type KlarnaSettlementsService } from "../../src/modules/klarna-settlements"

jest.setTimeout(60_000)

// 50 000 001,23 SEK and friends: beyond a 32-bit integer column (2 147 483 647 minor units).
const BIG = { sale_amount: 5_000_000_123, return_amount: 2_147_483_648, fee_amount: 145_000_003, settlement_amount: 2_707_516_472 }

moduleIntegrationTestRunner<KlarnaSettlementsService>({
  moduleName: KLARNA_SETTLEMENTS_MODULE,
  resolve: "./src/modules/klarna-settlements",
  testSuite: ({ service }) => {
    describe("amounts", () => {
      it("keeps a large shop's payout totals and rows exact, in minor units, through create, read and update", async () => {
        const payout = await service.createKlarnaPayouts({
          connection: "pp_klarna_klarna",
          brand: "klarna",
          payment_reference: "XISA93DJ",
          payout_date: new Date("2026-12-01T00:00:00Z"),
          currency_code: "SEK",
          ...BIG,
          raw: {},
          synced_at: new Date(),
        })
        const row = await service.createKlarnaSettlementTransactions({
          connection: "pp_klarna_klarna",
          transaction_key: "k1",
          payout_id: payout.id,
          payment_reference: "XISA93DJ",
          type: "SALE",
          amount: 4_999_999_999,
          fee_amount: 145_000_003,
          currency_code: "SEK",
          match_state: "amount_differs",
          medusa_amount: 5_000_000_000,
          difference: -1,
          raw: {},
        })

        const [readPayout] = await service.listKlarnaPayouts({ id: payout.id })
        expect(readPayout).toMatchObject(BIG)
        const [readRow] = await service.listKlarnaSettlementTransactions({ id: row.id })
        expect(readRow).toMatchObject({ amount: 4_999_999_999, fee_amount: 145_000_003, medusa_amount: 5_000_000_000, difference: -1 })

        await service.updateKlarnaPayouts({ id: payout.id, settlement_amount: 9_007_199_254_740_991 })
        const [updated] = await service.listKlarnaPayouts({ id: payout.id }, { select: ["id", "sale_amount", "settlement_amount"] })
        expect(updated).toMatchObject({ sale_amount: BIG.sale_amount, settlement_amount: Number.MAX_SAFE_INTEGER })
      })

      it("keeps optional amounts absent as null", async () => {
        const payout = await service.createKlarnaPayouts({
          connection: "pp_klarna_klarna",
          brand: "klarna",
          payment_reference: "R2",
          payout_date: new Date(),
          currency_code: "SEK",
          sale_amount: 0,
          return_amount: 0,
          fee_amount: 0,
          settlement_amount: 0,
          raw: {},
          synced_at: new Date(),
        })
        const row = await service.createKlarnaSettlementTransactions({
          connection: "pp_klarna_klarna",
          transaction_key: "k2",
          payout_id: payout.id,
          payment_reference: "R2",
          type: "FEE",
          amount: 290,
          currency_code: "SEK",
          match_state: "unattached",
          raw: {},
        })
        const [read] = await service.listKlarnaSettlementTransactions({ id: row.id })
        expect(read).toMatchObject({ amount: 290, fee_amount: null, medusa_amount: null, difference: null })
      })
    })
  },
})
