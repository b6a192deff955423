/**
 * Typed client for Klarna Payments v1, Order Management v1 and the Settlements API v1.
 *
 * Every Order Management write takes a required idempotency key (see klarnaIdempotencyKey):
 * it is sent as Klarna-Idempotency-Key and re-sent unchanged on every retry, so a retried
 * capture or refund is executed by Klarna at most once.
 */
import type { z } from "zod"
import { resolveKlarnaBaseUrl, type KlarnaEnvironment, type KlarnaProduct, type KlarnaRegion } from "./base-url"
import { authorizationHeader, nonNegativeInt, nonNegativeNumber, positiveNumber } from "./config-checks"
import { KlarnaHttpTransport, type KlarnaHttpMethod, type KlarnaLogger, type KlarnaResponse } from "./http-transport"
import type { KlarnaOperation } from "./operations"
import {
  kustomCheckoutOrderRequestSchema,
  kustomCheckoutOrderSchema,
  kustomCheckoutOrderUpdateSchema,
  type KustomCheckoutOrder,
  type KustomCheckoutOrderRequest,
  type KustomCheckoutOrderUpdate,
} from "./checkout-schemas"
import { checkBody, orderPath, requireKey, segment } from "./request-guards"
import {
  klarnaCaptureListSchema,
  klarnaCaptureRequestSchema,
  klarnaCaptureSchema,
  klarnaCaptureShippingInfoRequestSchema,
  klarnaCreateOrderRequestSchema,
  klarnaMerchantReferencesRequestSchema,
  klarnaCustomerDetailsRequestSchema,
  type KlarnaCustomerDetailsRequest,
  klarnaOrderCreatedSchema,
  klarnaOrderSchema,
  klarnaRefundRequestSchema,
  klarnaRefundSchema,
  klarnaSessionCreatedSchema,
  klarnaSessionCreateRequestSchema,
  klarnaSessionSchema,
  klarnaSessionUpdateRequestSchema,
  klarnaUpdateAuthorizationRequestSchema,
  type KlarnaCapture,
  type KlarnaCaptureRequest,
  type KlarnaCaptureShippingInfoRequest,
  type KlarnaCreateOrderRequest,
  type KlarnaMerchantReferencesRequest,
  type KlarnaOrder,
  type KlarnaOrderCreated,
  type KlarnaRefund,
  type KlarnaRefundRequest,
  type KlarnaSession,
  type KlarnaSessionCreated,
  type KlarnaSessionCreateRequest,
  type KlarnaSessionUpdateRequest,
  type KlarnaUpdateAuthorizationRequest,
} from "./schemas"
import {
  klarnaListPayoutsParamsSchema,
  klarnaListTransactionsParamsSchema,
  klarnaPayoutCollectionSchema,
  klarnaPayoutSchema,
  klarnaTransactionCollectionSchema,
  KLARNA_SETTLEMENTS_MAX_PAGE_SIZE,
  type KlarnaListPayoutsParams,
  type KlarnaListTransactionsParams,
  type KlarnaPayout,
  type KlarnaPayoutCollection,
  type KlarnaSettlementTransaction,
  type KlarnaTransactionCollection,
} from "./settlements-schemas"
import { walkPages, type KlarnaPagingOptions } from "./settlements-paging"
import { settlementsQuery } from "./settlements-query"
import { defaultKlarnaUserAgent } from "./user-agent"
import { ack, createdId, type KlarnaAck } from "./write-results"

export type { KlarnaAck }

export interface KlarnaClientConfig {
  region?: KlarnaRegion
  environment?: KlarnaEnvironment
  product?: KlarnaProduct
  /** Overrides region/environment/product, e.g. a local simulator. */
  baseUrl?: string
  /** Classic credentials (MID-prefixed username + shared secret)… */
  username?: string
  password?: string
  /** …or a Klarna API key, sent as `Authorization: Basic <apiKey>`. Exactly one of the two. */
  apiKey?: string
  /** Per attempt. Default 10000. */
  timeoutMs?: number
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number
  /** Default 250. */
  retryBaseDelayMs?: number
  /** Default 8000; a Retry-After is capped at 4× this. */
  retryMaxDelayMs?: number
  userAgent?: string
  logger?: KlarnaLogger
}

export interface KlarnaCaptureCreated extends KlarnaAck {
  capture_id: string
  location?: string
}

export interface KlarnaRefundCreated extends KlarnaAck {
  refund_id: string
  location?: string
}

const PAYMENTS = "/payments/v1"
const CHECKOUT_ORDERS = "/checkout/v3/orders"
const SETTLEMENTS = "/settlements/v1"

export class KlarnaClient {
  readonly baseUrl: string
  private readonly transport: KlarnaHttpTransport

  constructor(config: KlarnaClientConfig) {
    if (!config || typeof config !== "object") {
      throw new Error("KlarnaClient needs a configuration object")
    }
    this.baseUrl = resolveKlarnaBaseUrl({
      region: config.region ?? "eu",
      environment: config.environment ?? "playground",
      product: config.product,
      baseUrl: config.baseUrl,
    })
    this.transport = new KlarnaHttpTransport({
      baseUrl: this.baseUrl,
      authorization: authorizationHeader(config),
      userAgent: config.userAgent ?? defaultKlarnaUserAgent(),
      timeoutMs: positiveNumber("timeoutMs", config.timeoutMs, 10_000),
      maxRetries: nonNegativeInt("maxRetries", config.maxRetries, 3),
      retryBaseDelayMs: nonNegativeNumber("retryBaseDelayMs", config.retryBaseDelayMs, 250),
      retryMaxDelayMs: nonNegativeNumber("retryMaxDelayMs", config.retryMaxDelayMs, 8_000),
      logger: config.logger,
    })
  }

  // ------------------------------------------------------------ Klarna Payments v1

  async createSession(body: KlarnaSessionCreateRequest): Promise<KlarnaSessionCreated> {
    const op = "createSession"
    checkBody(op, klarnaSessionCreateRequestSchema, body)
    return (await this.call(op, "POST", `${PAYMENTS}/sessions`, { body, schema: klarnaSessionCreatedSchema })).data
  }

  async readSession(sessionId: string): Promise<KlarnaSession> {
    const path = `${PAYMENTS}/sessions/${segment("readSession", "sessionId", sessionId)}`
    return (await this.call("readSession", "GET", path, { schema: klarnaSessionSchema })).data
  }

  /** Klarna answers 204; the session is not returned. */
  async updateSession(sessionId: string, body: KlarnaSessionUpdateRequest): Promise<KlarnaAck> {
    const op = "updateSession"
    const path = `${PAYMENTS}/sessions/${segment(op, "sessionId", sessionId)}`
    checkBody(op, klarnaSessionUpdateRequestSchema, body)
    return ack(await this.call(op, "POST", path, { body }))
  }

  async createOrder(authorizationToken: string, body: KlarnaCreateOrderRequest): Promise<KlarnaOrderCreated> {
    const op = "createOrder"
    const path = `${PAYMENTS}/authorizations/${segment(op, "authorizationToken", authorizationToken)}/order`
    checkBody(op, klarnaCreateOrderRequestSchema, body)
    return (await this.call(op, "POST", path, { body, schema: klarnaOrderCreatedSchema })).data
  }

  async cancelAuthorization(authorizationToken: string): Promise<KlarnaAck> {
    const op = "cancelAuthorization"
    const path = `${PAYMENTS}/authorizations/${segment(op, "authorizationToken", authorizationToken)}`
    return ack(await this.call(op, "DELETE", path))
  }

  // ------------------------------------------------------------ Checkout v3 (Kustom)

  /** A Kustom checkout order for the shopper to pay in Kustom's iframe (`html_snippet`). */
  async createCheckoutOrder(body: KustomCheckoutOrderRequest): Promise<KustomCheckoutOrder> {
    const op = "createCheckoutOrder"
    checkBody(op, kustomCheckoutOrderRequestSchema, body)
    return (await this.call(op, "POST", CHECKOUT_ORDERS, { body, schema: kustomCheckoutOrderSchema })).data
  }

  async getCheckoutOrder(checkoutOrderId: string): Promise<KustomCheckoutOrder> {
    const path = `${CHECKOUT_ORDERS}/${segment("getCheckoutOrder", "checkoutOrderId", checkoutOrderId)}`
    return (await this.call("getCheckoutOrder", "GET", path, { schema: kustomCheckoutOrderSchema })).data
  }

  /** Only while `checkout_incomplete`; Kustom answers 403 READ_ONLY_ORDER afterwards. */
  async updateCheckoutOrder(checkoutOrderId: string, body: KustomCheckoutOrderUpdate): Promise<KustomCheckoutOrder> {
    const op = "updateCheckoutOrder"
    const path = `${CHECKOUT_ORDERS}/${segment(op, "checkoutOrderId", checkoutOrderId)}`
    checkBody(op, kustomCheckoutOrderUpdateSchema, body)
    return (await this.call(op, "POST", path, { body, schema: kustomCheckoutOrderSchema })).data
  }

  async abortCheckoutOrder(checkoutOrderId: string): Promise<KlarnaAck> {
    const op = "abortCheckoutOrder"
    const path = `${CHECKOUT_ORDERS}/${segment(op, "checkoutOrderId", checkoutOrderId)}/abort`
    return ack(await this.call(op, "POST", path))
  }

  // ------------------------------------------------------------ Order Management v1: reads

  async getOrder(orderId: string): Promise<KlarnaOrder> {
    return (await this.call("getOrder", "GET", orderPath("getOrder", orderId), { schema: klarnaOrderSchema })).data
  }

  async listCaptures(orderId: string): Promise<KlarnaCapture[]> {
    const path = `${orderPath("listCaptures", orderId)}/captures`
    return (await this.call("listCaptures", "GET", path, { schema: klarnaCaptureListSchema })).data
  }

  async getCapture(orderId: string, captureId: string): Promise<KlarnaCapture> {
    const op = "getCapture"
    const path = `${orderPath(op, orderId)}/captures/${segment(op, "captureId", captureId)}`
    return (await this.call(op, "GET", path, { schema: klarnaCaptureSchema })).data
  }

  async getRefund(orderId: string, refundId: string): Promise<KlarnaRefund> {
    const op = "getRefund"
    const path = `${orderPath(op, orderId)}/refunds/${segment(op, "refundId", refundId)}`
    return (await this.call(op, "GET", path, { schema: klarnaRefundSchema })).data
  }

  // ------------------------------------------------------------ Order Management v1: writes

  async captureOrder(orderId: string, body: KlarnaCaptureRequest, idempotencyKey: string): Promise<KlarnaCaptureCreated> {
    const op = "captureOrder"
    const path = `${orderPath(op, orderId)}/captures`
    checkBody(op, klarnaCaptureRequestSchema, body)
    const res = await this.call(op, "POST", path, { body, idempotencyKey: requireKey(op, idempotencyKey) })
    return {
      capture_id: createdId(op, res, "capture-id"),
      location: res.headers.location,
      correlation_id: res.correlationId,
    }
  }

  async addCaptureShippingInfo(
    orderId: string,
    captureId: string,
    body: KlarnaCaptureShippingInfoRequest,
    idempotencyKey: string
  ): Promise<KlarnaAck> {
    const op = "addCaptureShippingInfo"
    const path = `${orderPath(op, orderId)}/captures/${segment(op, "captureId", captureId)}/shipping-info`
    checkBody(op, klarnaCaptureShippingInfoRequestSchema, body)
    return ack(await this.call(op, "POST", path, { body, idempotencyKey: requireKey(op, idempotencyKey) }))
  }

  async refundOrder(orderId: string, body: KlarnaRefundRequest, idempotencyKey: string): Promise<KlarnaRefundCreated> {
    const op = "refundOrder"
    const path = `${orderPath(op, orderId)}/refunds`
    checkBody(op, klarnaRefundRequestSchema, body)
    const res = await this.call(op, "POST", path, { body, idempotencyKey: requireKey(op, idempotencyKey) })
    return {
      refund_id: createdId(op, res, "refund-id"),
      location: res.headers.location,
      correlation_id: res.correlationId,
    }
  }

  /** Only possible before any capture; releases the whole authorization. */
  async cancelOrder(orderId: string, idempotencyKey: string): Promise<KlarnaAck> {
    return this.bodylessWrite("cancelOrder", orderId, "cancel", idempotencyKey)
  }

  /** After a partial capture: the customer is not charged for the rest. */
  async releaseRemainingAuthorization(orderId: string, idempotencyKey: string): Promise<KlarnaAck> {
    return this.bodylessWrite("releaseRemainingAuthorization", orderId, "release-remaining-authorization", idempotencyKey)
  }

  async extendAuthorizationTime(orderId: string, idempotencyKey: string): Promise<KlarnaAck> {
    return this.bodylessWrite("extendAuthorizationTime", orderId, "extend-authorization-time", idempotencyKey)
  }

  /** Replaces order_amount and (when given) all order lines — always send the full new line set. */
  async updateAuthorization(
    orderId: string,
    body: KlarnaUpdateAuthorizationRequest,
    idempotencyKey: string
  ): Promise<KlarnaAck> {
    const op = "updateAuthorization"
    const path = `${orderPath(op, orderId)}/authorization`
    checkBody(op, klarnaUpdateAuthorizationRequestSchema, body)
    return ack(await this.call(op, "PATCH", path, { body, idempotencyKey: requireKey(op, idempotencyKey) }))
  }

  async updateMerchantReferences(
    orderId: string,
    body: KlarnaMerchantReferencesRequest,
    idempotencyKey: string
  ): Promise<KlarnaAck> {
    const op = "updateMerchantReferences"
    const path = `${orderPath(op, orderId)}/merchant-references`
    checkBody(op, klarnaMerchantReferencesRequestSchema, body)
    return ack(await this.call(op, "PATCH", path, { body, idempotencyKey: requireKey(op, idempotencyKey) }))
  }

  /** A new shipping address for the order; Klarna may refuse it (403 NOT_ALLOWED, 422 INVALID_ADDRESS). */
  async updateCustomerDetails(orderId: string, body: KlarnaCustomerDetailsRequest, idempotencyKey: string): Promise<KlarnaAck> {
    const op = "updateCustomerDetails"
    const path = `${orderPath(op, orderId)}/customer-details`
    checkBody(op, klarnaCustomerDetailsRequestSchema, body)
    return ack(await this.call(op, "PATCH", path, { body, idempotencyKey: requireKey(op, idempotencyKey) }))
  }

  /** Klarna Checkout (Kustom) orders: stops the push notifications. */
  async acknowledgeOrder(orderId: string, idempotencyKey: string): Promise<KlarnaAck> {
    return this.bodylessWrite("acknowledgeOrder", orderId, "acknowledge", idempotencyKey)
  }

  // ------------------------------------------------------------ Settlements v1 (reads; retried like every GET)

  /** One page of payouts (Klarna's default page size is 20, at most 500). */
  async listPayouts(params: KlarnaListPayoutsParams = {}): Promise<KlarnaPayoutCollection> {
    const op = "listPayouts"
    checkBody(op, klarnaListPayoutsParamsSchema, params)
    const path = `${SETTLEMENTS}/payouts${settlementsQuery({ ...params })}`
    return (await this.call(op, "GET", path, { schema: klarnaPayoutCollectionSchema })).data
  }

  async getPayout(paymentReference: string): Promise<KlarnaPayout> {
    const op = "getPayout"
    const path = `${SETTLEMENTS}/payouts/${segment(op, "paymentReference", paymentReference)}`
    return (await this.call(op, "GET", path, { schema: klarnaPayoutSchema })).data
  }

  /** One page of settlement transactions, optionally of one payout or one order. */
  async listTransactions(params: KlarnaListTransactionsParams = {}): Promise<KlarnaTransactionCollection> {
    const op = "listTransactions"
    checkBody(op, klarnaListTransactionsParamsSchema, params)
    const path = `${SETTLEMENTS}/transactions${settlementsQuery({ ...params })}`
    return (await this.call(op, "GET", path, { schema: klarnaTransactionCollectionSchema })).data
  }

  /**
   * Every payout matching the filters, page by page (500 per page unless `size` says otherwise),
   * starting at `offset` (default 0). Throws after `maxPages` pages (default 1000).
   */
  allPayouts(params: KlarnaListPayoutsParams = {}, opts: KlarnaPagingOptions = {}): AsyncGenerator<KlarnaPayout, void, undefined> {
    const size = params.size ?? KLARNA_SETTLEMENTS_MAX_PAGE_SIZE
    return walkPages(
      "listPayouts",
      async (offset) => {
        const page = await this.listPayouts({ ...params, size, offset })
        return { items: page.payouts, pagination: page.pagination }
      },
      params.offset ?? 0,
      opts
    )
  }

  /** Every transaction matching the filters, paged like `allPayouts`. */
  allTransactions(
    params: KlarnaListTransactionsParams = {},
    opts: KlarnaPagingOptions = {}
  ): AsyncGenerator<KlarnaSettlementTransaction, void, undefined> {
    const size = params.size ?? KLARNA_SETTLEMENTS_MAX_PAGE_SIZE
    return walkPages(
      "listTransactions",
      async (offset) => {
        const page = await this.listTransactions({ ...params, size, offset })
        return { items: page.transactions, pagination: page.pagination }
      },
      params.offset ?? 0,
      opts
    )
  }

  // ------------------------------------------------------------ internals

  private async bodylessWrite(op: KlarnaOperation, orderId: string, action: string, idempotencyKey: string) {
    const path = `${orderPath(op, orderId)}/${action}`
    return ack(await this.call(op, "POST", path, { idempotencyKey: requireKey(op, idempotencyKey) }))
  }

  private call<T = undefined>(
    operation: KlarnaOperation,
    method: KlarnaHttpMethod,
    path: string,
    opts: { body?: unknown; idempotencyKey?: string; schema?: z.ZodType<T> } = {}
  ): Promise<KlarnaResponse<T>> {
    return this.transport.send<T>({
      operation,
      method,
      path,
      body: opts.body,
      idempotencyKey: opts.idempotencyKey,
      responseSchema: opts.schema,
    })
  }
}

export function createKlarnaClient(config: KlarnaClientConfig): KlarnaClient {
  return new KlarnaClient(config)
}
