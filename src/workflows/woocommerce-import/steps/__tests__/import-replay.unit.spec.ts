import { asValue } from "@medusajs/framework/awilix"
import { createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { startImportReplayStep } from "../start-import-replay"
import { captureImportedPaymentStep } from "../capture-imported-payment"
import { finishImportReplayStep } from "../finish-import-replay"

/** An in-memory payment module that merges `data` on update, as Medusa's does. */
function fakePayments(data: Record<string, unknown>) {
  const payment = { id: "pay_1", data: { ...data } }
  const captures: Array<{ amount: string; import_replay: unknown }> = []
  return {
    payment,
    captures,
    listPayments: async () => [
      { id: payment.id, currency_code: "sek", data: { ...payment.data }, captures: captures.map((c, i) => ({ id: `capt_${i + 1}`, amount: c.amount })), refunds: [] },
    ],
    updatePayment: async (update: { id: string; data: Record<string, unknown> }) => {
      payment.data = { ...payment.data, ...update.data }
    },
    capturePayment: async ({ amount }: { amount: string }) => {
      captures.push({ amount, import_replay: payment.data.import_replay })
    },
  }
}

const failAfterCapture = createStep("test-fail-after-imported-capture", async () => {
  throw new Error("the refund failed")
})

type ReplayInput = { payment_id: string; active: boolean; amount: number }

const replay = createWorkflow("test-import-replay", (input: ReplayInput) => {
  startImportReplayStep(input)
  captureImportedPaymentStep({ order_id: "order_1", payment_id: input.payment_id, amount: input.amount, currency_code: "sek" })
  finishImportReplayStep(input)
  return new WorkflowResponse(undefined)
})

const replayThenFailure = createWorkflow("test-import-replay-then-failure", (input: ReplayInput) => {
  startImportReplayStep(input)
  captureImportedPaymentStep({ order_id: "order_1", payment_id: input.payment_id, amount: input.amount, currency_code: "sek" })
  failAfterCapture()
  return new WorkflowResponse(undefined)
})

/** An in-memory order module keeping the order's transactions. */
function fakeOrders() {
  const transactions: Array<Record<string, unknown>> = []
  return {
    transactions,
    listOrderTransactions: async (filter: { reference_id: string[] }) => transactions.filter((t) => filter.reference_id.includes(t.reference_id as string)),
    addOrderTransactions: async (added: Array<Record<string, unknown>>) => {
      transactions.push(...added)
    },
  }
}

function containerWith(payments: ReturnType<typeof fakePayments>, orders = fakeOrders()) {
  const container = createMedusaContainer()
  container.register(Modules.PAYMENT, asValue(payments))
  container.register(Modules.ORDER, asValue(orders))
  return container
}

describe("import replay steps", () => {
  it("record the capture inside the replay and switch the flag off after, keeping the rest of the data", async () => {
    const payments = fakePayments({ klarna_order_id: "k1", import_replay: false })
    const orders = fakeOrders()
    await replay(containerWith(payments, orders)).run({ input: { payment_id: "pay_1", active: true, amount: 299480 } })
    expect(payments.captures).toEqual([{ amount: "2994.80", import_replay: true }])
    // The order transaction Medusa's own capture adds.
    expect(orders.transactions).toEqual([{ order_id: "order_1", currency_code: "sek", reference: "capture", reference_id: "capt_1", amount: "2994.80" }])
    expect(payments.payment.data).toEqual({ klarna_order_id: "k1", import_replay: false })
  })

  it("switch the flag off (written false, not left out) when a later step fails", async () => {
    const payments = fakePayments({ klarna_order_id: "k1", import_replay: false })
    await expect(replayThenFailure(containerWith(payments)).run({ input: { payment_id: "pay_1", active: true, amount: 100 } })).rejects.toEqual(
      expect.objectContaining({ message: "the refund failed" })
    )
    expect(payments.payment.data).toEqual({ klarna_order_id: "k1", import_replay: false })
  })

  it("leave a payment that is not Klarna's alone, and capture nothing for a zero difference", async () => {
    const payments = fakePayments({ imported_from: "woocommerce" })
    await replay(containerWith(payments)).run({ input: { payment_id: "pay_1", active: false, amount: 0 } })
    expect(payments.captures).toEqual([])
    expect(payments.payment.data).toEqual({ imported_from: "woocommerce" })
  })
})
