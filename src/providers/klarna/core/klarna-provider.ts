import { explainMissingImportedOrder, isNoSuchKlarnaOrder } from "../../../klarna/decisions/missing-imported-order"
import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { klarnaIdempotencyKey, KlarnaApiError, type KlarnaClient } from "../../../klarna/client"
import { parseKlarnaProviderOptions, type KlarnaProviderOptions, type ProviderBrand } from "../../../klarna/types/options"
import type { KlarnaCaptureRecord, KlarnaPaymentData, KlarnaRefundPlan, KlarnaSessionInput } from "../../../klarna/types/payment-data"
import type { KlarnaOrderLine } from "../../../klarna/validation/order-line-rules"
import { goodwillRefundPlan } from "../../../klarna/refunds/goodwill-refund-plan"
import { capturedLines } from "../../../klarna/decisions/captured-lines"
import { formatMinorUnits, fromMinorUnits, toMinorUnits } from "../../../klarna/utils/currency"
import { decideCapture } from "../../../klarna/decisions/capture-decision"
import { decideRefund } from "../../../klarna/decisions/refund-decision"
import {
  adoptedAmountOf,
  listMedusaOperations,
  readMedusaOperation,
  recordKlarnaAdoption,
  type MedusaOperation,
} from "./medusa-operation"
import { unownedKlarnaAmount, type MedusaLedgerRow } from "../../../klarna/decisions/unowned-amount"
import { withKlarnaOrderLock } from "./klarna-order-lock"
import { recordImportedCapture, recordImportedRefund } from "./import-replay"
import { klarnaCreateOrderBody, klarnaMerchantUrls } from "../../../klarna/decisions/create-order-body"
import { createKlarnaClientForOptions } from "./options-client"
import { cancelUnplacedAuthorization } from "./unplaced-authorization"
import { resolveKlarnaPaymentMethod } from "../../../klarna/decisions/payment-method"
import { applyOrderSnapshot, snapshotAfterCapture, snapshotAfterRefund, type KlarnaOrderSnapshot } from "../../../klarna/decisions/order-snapshot"
import { captureFromSnapshot } from "../../../klarna/decisions/capture-from-snapshot"
import { pendingKlarnaWrites } from "./pending-writes"
import { merchantGoodwillPolicy } from "./goodwill-policy"
import { toMedusaPaymentStatus } from "../../../klarna/decisions/status"
import { isFraudPending, isFraudRejected, normalizeFraudStatus } from "../../../klarna/decisions/fraud-status"
import { parseKlarnaWebhook } from "../../../klarna/decisions/webhook-payload"
import { webhookPaymentAction } from "../../../klarna/decisions/webhook-decision"
import { sessionIdFromMerchantData } from "../../../klarna/decisions/merchant-data"
import {
  hasAuthorizationToken,
  readAuthorizationToken,
  sealAuthorizationToken,
  withoutAuthorizationToken,
} from "../../../klarna/decisions/authorization-token"

type Cradle = { logger?: Logger } & Record<string, unknown>

export class KlarnaProviderService extends AbstractPaymentProvider<KlarnaProviderOptions> {
  static identifier = "klarna"
  /** Whose API this provider's orders live at; the Kustom provider overrides it. */
  static brand: ProviderBrand = "klarna"

  protected readonly options_: KlarnaProviderOptions
  protected readonly client_: KlarnaClient
  protected readonly logger_?: Logger

  static validateOptions(options: Record<string, unknown>): void {
    parseKlarnaProviderOptions(options, this.brand)
  }

  constructor(cradle: Cradle, options: Record<string, unknown>) {
    const brand = (new.target as typeof KlarnaProviderService).brand
    const parsed = parseKlarnaProviderOptions(options, brand)
    super(cradle, parsed)
    this.options_ = parsed
    this.logger_ = cradle.logger
    this.client_ = createKlarnaClientForOptions(parsed, cradle.logger, brand)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id && data.import_replay) {
      return { id: data.klarna_order_id, status: PaymentSessionStatus.PENDING, data }
    }
    if (data.klarna_order_id) {
      return this.attachExistingOrder(data, input)
    }
    const built = data.klarna_session
    if (!built?.order_lines?.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Klarna needs the cart's order lines to start a payment. Create the payment session through " +
          "POST /store/payment-collections/:id/payment-sessions, where the Klarna plugin adds them from the cart."
      )
    }
    const session: KlarnaSessionInput = {
      ...built,
      purchase_country: (built.purchase_country || this.options_.defaultPurchaseCountry).toUpperCase(),
      locale: built.locale || this.options_.defaultLocale,
    }
    const currency = input.currency_code.toUpperCase()
    const amount = toMinorUnits(input.amount, currency)
    if (session.purchase_currency !== currency || session.order_amount !== amount) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The Klarna order lines (${session.order_amount} ${session.purchase_currency}) do not match the payment amount ` +
          `(${amount} ${currency}). Refresh the cart and create the payment session again.`
      )
    }
    const created = await this.client_.createSession({
      ...session,
      merchant_urls: klarnaMerchantUrls(this.options_, data.session_id),
    })
    return {
      id: created.session_id,
      status: PaymentSessionStatus.PENDING,
      data: {
        ...data,
        klarna_session: session,
        klarna_session_id: created.session_id,
        client_token: created.client_token,
        payment_method_categories: created.payment_method_categories ?? [],
        environment: this.options_.environment,
        region: this.options_.region,
      },
    }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.authorization_token !== undefined && typeof data.authorization_token !== "string") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "authorization_token must be a string")
    }
    if (data.klarna_session_id && data.klarna_session && !data.klarna_order_id) {
      const amount = toMinorUnits(input.amount, input.currency_code)
      if (amount !== data.klarna_session.order_amount) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "The cart total changed after the Klarna session was created. Create a new Klarna payment session."
        )
      }
    }
    return { data: sealAuthorizationToken(data, this.options_) }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (data.klarna_order_id && data.import_replay) {
      return { status: PaymentSessionStatus.AUTHORIZED, data }
    }
    if (data.klarna_order_id) {
      const order = await this.client_.getOrder(data.klarna_order_id)
      return { status: toMedusaPaymentStatus(order), data: applyOrderSnapshot(data, order as KlarnaOrderSnapshot) }
    }
    const token = readAuthorizationToken(data, this.options_)
    if (!token) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The customer has not approved the Klarna payment yet: no authorization_token. Send it with " +
          "POST /store/klarna/payment-sessions/:id/authorization-token after Klarna's widget approves."
      )
    }
    const session = data.klarna_session
    if (!session) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Klarna payment session has no order data.")
    }
    const created = await this.client_.createOrder(token, klarnaCreateOrderBody(this.options_, data, session))
    const order = await this.client_.getOrder(created.order_id)
    const method = resolveKlarnaPaymentMethod({
      type: created.authorized_payment_method?.type ?? order.initial_payment_method?.type,
    })
    const fraud = normalizeFraudStatus(created.fraud_status ?? order.fraud_status)
    if (isFraudRejected(fraud)) {
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        "Klarna declined the purchase. Ask the customer to choose another payment method."
      )
    }
    const rest = withoutAuthorizationToken(data)
    const next = applyOrderSnapshot(
      {
        ...rest,
        klarna_order_id: created.order_id,
        payment_method: method,
        authorized_payment_method_type: created.authorized_payment_method?.type ?? order.initial_payment_method?.type,
        captures: [],
        refunds: [],
      },
      order as KlarnaOrderSnapshot
    )
    return {
      status: isFraudPending(fraud) ? PaymentSessionStatus.PENDING_AUTHORIZATION : PaymentSessionStatus.AUTHORIZED,
      data: next,
    }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = this.requireOrder(input.data, "captured")
    if (data.import_replay) {
      return { data: await recordImportedCapture(this.container, data, input.context?.idempotency_key) }
    }
    return await explainedForImports(data, () => withKlarnaOrderLock(data.klarna_order_id, () => this.captureLocked(data, input.context?.idempotency_key)))
  }

  /**
   * One capture, with every other capture and refund of this Klarna order
   * finished. When nothing sent to Klarna is unanswered and the last known
   * state allows it, the capture is the one Klarna call; Klarna's answer is
   * trusted. Otherwise, or when Klarna refuses, Klarna's order is read and
   * the capture decided on it (adopting money Medusa does not know about).
   */
  private async captureLocked(
    data: KlarnaPaymentData & { klarna_order_id: string },
    idempotencyKey?: string
  ): Promise<CapturePaymentOutput> {
    const operation = await readMedusaOperation(this.container, "capture", idempotencyKey)
    const writes = pendingKlarnaWrites()
    const requested = operation && data.currency_code ? toMinorUnits(operation.amount, data.currency_code) : undefined
    const known = requested !== undefined && !!writes && !(await writes.hasUnsettledKlarnaWrites(data.klarna_order_id))
    const planned = known ? captureFromSnapshot(data, requested!) : undefined
    if (!planned) {
      return await this.captureOnLiveOrder(data, operation, idempotencyKey)
    }
    try {
      return { data: await this.sendCapture(data, operation!.id, operation, planned, [], [operation!.id]) }
    } catch (e) {
      if (!(e instanceof KlarnaApiError && e.isRefusal)) {
        throw e
      }
      // Klarna's order is not what the plugin last saw (changed in Klarna's portal, say).
      return await this.captureOnLiveOrder(data, operation, idempotencyKey)
    }
  }

  private async captureOnLiveOrder(
    data: KlarnaPaymentData & { klarna_order_id: string },
    operation: MedusaOperation | undefined,
    idempotencyKey?: string
  ): Promise<CapturePaymentOutput> {
    const writes = pendingKlarnaWrites()
    const order = await this.client_.getOrder(data.klarna_order_id)
    await writes?.settleKlarnaWritesOf(data.klarna_order_id)
    const current = applyOrderSnapshot(data, order)
    const currency = order.purchase_currency
    const requested = operation ? toMinorUnits(operation.amount, currency) : undefined
    const unowned = operation
      ? unownedKlarnaAmount({
          klarnaTotal: order.captured_amount,
          klarnaItems: (order.captures ?? []).map((c) => ({ id: c.capture_id, amount: c.captured_amount, reference: c.reference })),
          rows: await this.ledgerRows("capture", operation.payment_id, currency),
          currentId: operation.id,
        })
      : { amount: 0 }
    const decision = decideCapture({ order, requested, unowned, medusaCaptureId: operation?.id })
    const adopted = decision.action === "none" ? decision.records.filter((r) => r.adopted) : decision.adopted
    if (operation && adopted.length) {
      await recordKlarnaAdoption(this.container, "capture", operation, {
        adopted_amount: adopted.reduce((s, r) => s + r.amount, 0),
        adopted_id: adopted[0].capture_id,
      })
    }
    if (decision.action === "none") {
      return { data: { ...current, captures: mergeRecords(data.captures, decision.records, "capture_id", "medusa_capture_id") } }
    }
    const reference = operation?.id ?? idempotencyKey
    // Not the key of an attempt made on the last known state: Klarna would replay that attempt's refusal.
    const key = [reference ?? `remaining-${order.captured_amount}`, `on-${order.captured_amount}`]
    const capture = { amount: decision.amount, orderLines: decision.orderLines }
    return { data: await this.sendCapture(current, reference, operation, capture, adopted, key) }
  }

  /** The capture request itself, noted as unanswered until Klarna answers; the snapshot moves by what it captured. */
  private async sendCapture(
    data: KlarnaPaymentData & { klarna_order_id: string },
    reference: string | undefined,
    operation: MedusaOperation | undefined,
    capture: { amount: number; orderLines?: KlarnaOrderLine[] },
    adopted: KlarnaCaptureRecord[],
    keyParts: string[]
  ): Promise<KlarnaPaymentData> {
    const klarnaOrderId = data.klarna_order_id
    // Lines and tracking for this exact amount, planned by the plugin's fulfilment capture.
    const plan = data.capture_plan?.amount === capture.amount ? data.capture_plan : undefined
    const key = klarnaIdempotencyKey("capture", klarnaOrderId, ...keyParts)
    const { capture_id } = await this.journaled(klarnaOrderId, "capture", key, capture.amount, () =>
      this.client_.captureOrder(
        klarnaOrderId,
        {
          captured_amount: capture.amount,
          reference,
          order_lines: plan?.order_lines?.length ? plan.order_lines : capture.orderLines,
          shipping_info: plan?.shipping_info?.length ? plan.shipping_info : undefined,
          description: plan?.description,
        },
        key
      )
    )
    const made = { capture_id, medusa_capture_id: operation?.id, amount: capture.amount, captured_at: new Date().toISOString() }
    return snapshotAfterCapture(
      { ...withoutPlan(data), captures: mergeRecords(data.captures, [...adopted, made], "capture_id", "medusa_capture_id") },
      capture.amount
    )
  }

  /** Runs a Klarna write noted in the plugin's pending writes until Klarna has answered it (done or refused). */
  private async journaled<T>(klarnaOrderId: string, operation: string, key: string, amount: number, write: () => Promise<T>): Promise<T> {
    const writes = pendingKlarnaWrites()
    const pending = await writes?.beginKlarnaWrite({ klarna_order_id: klarnaOrderId, operation, idempotency_key: key, amount })
    let result: T
    try {
      result = await write()
    } catch (e) {
      if (pending && e instanceof KlarnaApiError && e.isRefusal) {
        await writes!.settleKlarnaWrite(pending)
      }
      throw e
    }
    if (pending) {
      await writes!.settleKlarnaWrite(pending)
    }
    return result
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = this.requireOrder(input.data, "refunded")
    if (data.import_replay) {
      return { data: await recordImportedRefund(this.container, data, input.context?.idempotency_key, input.amount) }
    }
    return await explainedForImports(data, () =>
      withKlarnaOrderLock(data.klarna_order_id, () => this.refundLocked(data, input.amount, input.context?.idempotency_key))
    )
  }

  /** One refund, with every other capture and refund of this Klarna order finished: rows and Klarna read fresh. */
  private async refundLocked(
    data: KlarnaPaymentData & { klarna_order_id: string },
    rawAmount: RefundPaymentInput["amount"],
    idempotencyKey?: string
  ): Promise<RefundPaymentOutput> {
    const operation = await readMedusaOperation(this.container, "refund", idempotencyKey)
    const writes = pendingKlarnaWrites()
    const planned = data.currency_code ? observedForRefund(data.refund_plan, toMinorUnits(rawAmount, data.currency_code)) : undefined
    const trusted = planned && writes && !(await writes.hasUnsettledKlarnaWrites(data.klarna_order_id))
    const order = trusted ? planned : await this.client_.getOrder(data.klarna_order_id)
    if (!trusted) {
      await writes?.settleKlarnaWritesOf(data.klarna_order_id)
    }
    const current = trusted ? data : applyOrderSnapshot(data, order as KlarnaOrderSnapshot)
    const currency = order.purchase_currency
    const amount = toMinorUnits(rawAmount, currency)
    const unowned = operation
      ? unownedKlarnaAmount({
          klarnaTotal: order.refunded_amount,
          klarnaItems: (order.refunds ?? []).map((r) => ({ id: r.refund_id, amount: r.refunded_amount, reference: r.reference })),
          rows: await this.ledgerRows("refund", operation.payment_id, currency),
          currentId: operation.id,
        })
      : { amount: 0 }
    const decision = decideRefund({ order, amount, medusaRefundId: operation?.id, unowned })

    if (decision.action === "none") {
      if (operation && decision.adopted) {
        await recordKlarnaAdoption(this.container, "refund", operation, { adopted_amount: decision.amount, adopted_id: decision.refund_id })
      }
      const record = { refund_id: decision.refund_id, medusa_refund_id: operation?.id, amount: decision.amount, adopted: decision.adopted }
      return { data: { ...current, refunds: mergeRecords(data.refunds, [record], "refund_id", "medusa_refund_id") } }
    }
    const reference = operation?.id ?? idempotencyKey
    const key = klarnaIdempotencyKey("refund", data.klarna_order_id, reference ?? `refund-${order.refunded_amount}-${amount}`)
    const plan = await refundPlanFor(data, order, decision)
    const { refund_id } = await this.journaled(data.klarna_order_id, "refund", key, decision.amount, () =>
      this.client_.refundOrder(
        data.klarna_order_id,
        {
          refunded_amount: decision.amount,
          reference,
          description: operation?.note ? String(operation.note).slice(0, 255) : undefined,
          order_lines: plan.order_lines.length ? plan.order_lines : undefined,
        },
        key
      )
    )
    // Cleared, not left out: Medusa merges the data a provider returns into the stored data.
    const rest = { ...current, refund_plan: null }
    const made = {
      refund_id,
      medusa_refund_id: operation?.id,
      amount: decision.amount,
      refunded_at: new Date().toISOString(),
      kind: plan.kind,
      summary: plan.summary,
    }
    return {
      data: snapshotAfterRefund(
        {
          ...rest,
          refunded_return_ids: [...(data.refunded_return_ids ?? []), ...(plan.return_ids ?? [])],
          refunds: mergeRecords(data.refunds, [made], "refund_id", "medusa_refund_id"),
        },
        decision.amount
      ),
    }
  }

  /** Medusa's rows for the payment in minor units, with what each adopted. */
  private async ledgerRows(kind: "capture" | "refund", paymentId: string, currency: string): Promise<MedusaLedgerRow[]> {
    const rows = await listMedusaOperations(this.container, kind, paymentId)
    return rows.map((r) => ({ id: r.id, amount: toMinorUnits(r.amount, currency), adopted: adoptedAmountOf(r) }))
  }

  /**
   * Medusa calls this both when an order is canceled and when an order edit
   * (or claim/exchange) replaces the payment collection (medusajs/medusa#14984):
   * the two cannot be told apart here. So nothing is sent to Klarna; the
   * request is recorded and the plugin's `order.canceled` handling decides,
   * with the order and the order-management settings in view, whether to
   * cancel or release the Klarna reservation. An edit re-attaches the same
   * Klarna order to the new payment collection instead.
   */
  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (!data.klarna_order_id) {
      return { data }
    }
    return { data: { ...data, cancel_requested_at: data.cancel_requested_at ?? new Date().toISOString() } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (hasAuthorizationToken(data) && !data.klarna_order_id) {
      try {
        await this.client_.cancelAuthorization(readAuthorizationToken(data, this.options_)!)
      } catch (e) {
        if (e instanceof KlarnaApiError && e.status === 404) {
          // A used token cannot be released: its create-order reached Klarna, though Medusa never heard back.
          await this.cancelUnplacedOnDelete(data)
        } else {
          // The token expires by itself within an hour; a failed release only delays that.
          this.logger_?.warn(`Klarna: could not release an unused authorization: ${(e as Error).message}`)
        }
      }
    }
    return { data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (!data.klarna_order_id) {
      return { data }
    }
    const order = await this.client_.getOrder(data.klarna_order_id)
    return { data: applyOrderSnapshot(data, order) }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = (input.data ?? {}) as KlarnaPaymentData
    if (!data.klarna_order_id) {
      return { status: hasAuthorizationToken(data) ? PaymentSessionStatus.PENDING : PaymentSessionStatus.REQUIRES_MORE, data }
    }
    const order = await this.client_.getOrder(data.klarna_order_id)
    return { status: toMedusaPaymentStatus(order), data: applyOrderSnapshot(data, order) }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const notice = parseKlarnaWebhook(payload.data)
    if (!notice) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    let order
    try {
      // Notifications are unsigned hints: the order's state is read from Klarna itself.
      order = await this.client_.getOrder(notice.order_id)
    } catch (e) {
      if (e instanceof KlarnaApiError && e.status === 404) {
        this.logger_?.warn(`Klarna notification for unknown order ${notice.order_id} ignored`)
        return { action: PaymentActions.NOT_SUPPORTED }
      }
      throw e
    }
    const sessionId = sessionIdFromMerchantData(order.merchant_data)
    const action = webhookPaymentAction(order)
    if (!sessionId || action === PaymentActions.NOT_SUPPORTED) {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    return { action, data: { session_id: sessionId, amount: fromMinorUnits(order.order_amount, order.purchase_currency) } }
  }

  /** See ./unplaced-authorization: the same function the plugin's lost-authorization recovery uses. */
  async cancelUnplacedAuthorization(raw: Record<string, unknown>): Promise<string | undefined> {
    return await cancelUnplacedAuthorization(this.options_, this.client_, raw)
  }

  private async cancelUnplacedOnDelete(data: KlarnaPaymentData) {
    try {
      const cancelled = await this.cancelUnplacedAuthorization(data)
      if (cancelled) {
        this.logger_?.warn(`Klarna: the payment session ${data.session_id} was replaced before it became an order; its Klarna order ${cancelled} was cancelled.`)
      }
    } catch (e) {
      this.logger_?.error(`Klarna: could not cancel the Klarna order of replaced payment session ${data.session_id}: ${(e as Error).message}`)
    }
  }

  /** A payment session for a Klarna order that already exists (re-attached after an order edit). */
  private async attachExistingOrder(data: KlarnaPaymentData & { klarna_order_id?: string }, input: InitiatePaymentInput) {
    const order = await this.client_.getOrder(data.klarna_order_id!)
    const amount = toMinorUnits(input.amount, order.purchase_currency)
    if (amount > order.remaining_authorized_amount) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Klarna order ${order.order_id} has ${formatMinorUnits(order.remaining_authorized_amount, order.purchase_currency)} ` +
          `left to capture, less than the ${formatMinorUnits(amount, order.purchase_currency)} this payment needs.`
      )
    }
    const { cancel_requested_at: _dropped, ...rest } = data
    return {
      id: order.order_id,
      status: PaymentSessionStatus.PENDING,
      data: applyOrderSnapshot({ ...rest, captures: [], refunds: [] }, order as KlarnaOrderSnapshot),
    }
  }

  private requireOrder(raw: unknown, verb: string): KlarnaPaymentData & { klarna_order_id: string } {
    const data = (raw ?? {}) as KlarnaPaymentData
    if (!data.klarna_order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Klarna order ID is missing, the Klarna order could not be ${verb}.`
      )
    }
    return data as KlarnaPaymentData & { klarna_order_id: string }
  }
}

/**
 * The lines of a refund: what the plugin planned for exactly this amount
 * (returned items, or the admin's good-will choice), else the captured lines
 * for a full refund, else a good-will refund under the merchant's VAT policy.
 */
async function refundPlanFor(
  data: KlarnaPaymentData,
  order: Parameters<typeof capturedLines>[0] & { purchase_currency: string },
  decision: { amount: number; orderLines?: KlarnaOrderLine[] }
): Promise<Omit<KlarnaRefundPlan, "amount">> {
  if (data.refund_plan && data.refund_plan.amount === decision.amount) {
    return data.refund_plan
  }
  if (decision.orderLines) {
    return { kind: "full", order_lines: capturedLines(order), summary: "full refund" }
  }
  return goodwillRefundPlan({
    amount: decision.amount,
    currency: order.purchase_currency,
    captured_lines: capturedLines(order),
    policy: await merchantGoodwillPolicy(),
  })
}

/** How long after the plan's read of Klarna's order the refund may decide on it instead of reading again. */
const OBSERVED_ORDER_TTL_MS = 30_000

/** The Klarna order the plan for exactly this refund read, while fresh. */
function observedForRefund(plan: KlarnaRefundPlan | null | undefined, amount: number) {
  const observed = plan?.amount === amount ? plan.observed : undefined
  const age = observed ? Date.now() - Date.parse(observed.read_at) : Infinity
  return observed && age >= 0 && age <= OBSERVED_ORDER_TTL_MS ? observed : undefined
}

/**
 * The payment's list of Klarna captures/refunds, a display copy: Medusa writes
 * payment data back after each call, so parallel calls may each drop the
 * other's entry; decisions never read it (they read Medusa's rows and Klarna).
 */
function mergeRecords<T extends Record<string, any>>(known: T[] | undefined, added: T[], idKey: keyof T, medusaKey: keyof T): T[] {
  const same = (a: T, b: T) => a[idKey] === b[idKey] && a[medusaKey] === b[medusaKey]
  return [...(known ?? []).filter((k) => !added.some((a) => same(a, k))), ...added]
}

/** Cleared, not left out: Medusa merges the data a provider returns into the stored data. */
function withoutPlan<T extends KlarnaPaymentData>(data: T): T {
  return { ...data, capture_plan: null }
}

export type { KlarnaSessionInput }
export default KlarnaProviderService

/** Klarna's "no such order" for an imported order says where the order probably is. */
async function explainedForImports<T>(data: KlarnaPaymentData, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (data.imported_from && e instanceof KlarnaApiError && isNoSuchKlarnaOrder(e)) {
      e.message = explainMissingImportedOrder(e.message, data)
    }
    throw e
  }
}
