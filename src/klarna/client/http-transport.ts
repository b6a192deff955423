/**
 * One Klarna HTTP exchange: headers, per-attempt deadline, retries (axios-retry),
 * response parsing and error translation. Knows nothing about individual endpoints.
 */
import axios, { type AxiosInstance, type AxiosResponse } from "axios"
import axiosRetry from "axios-retry"
import type { z } from "zod"
import { KlarnaApiError } from "./errors"
import {
  classifyFailure,
  CORRELATION_ID_HEADER,
  failureToError,
  headerValue,
  unexpectedResponseError,
  type KlarnaFailure,
} from "./failure"
import { formatZodIssues } from "./format-issues"
import type { KlarnaOperation } from "./operations"
import { isRetryableFailure, retryDelayMs } from "./retry-policy"

export interface KlarnaLogger {
  debug?(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export interface KlarnaTransportOptions {
  baseUrl: string
  /** Complete Authorization header value; kept in a closure, never on an object. */
  authorization: string
  userAgent: string
  timeoutMs: number
  maxRetries: number
  retryBaseDelayMs: number
  retryMaxDelayMs: number
  logger?: KlarnaLogger
}

export type KlarnaHttpMethod = "GET" | "POST" | "PATCH" | "DELETE"

export interface KlarnaRequest<T> {
  operation: KlarnaOperation
  method: KlarnaHttpMethod
  /** Path below the base URL, segments already encoded. */
  path: string
  body?: unknown
  idempotencyKey?: string
  /** Parse the 2xx body with this schema; without it the body is ignored. */
  responseSchema?: z.ZodType<T>
}

export interface KlarnaResponse<T> {
  status: number
  data: T
  correlationId?: string
  /** Response headers, lower-case names. */
  headers: Record<string, string>
}

export const IDEMPOTENCY_HEADER = "Klarna-Idempotency-Key"

export class KlarnaHttpTransport {
  private readonly http: AxiosInstance
  private readonly options: Omit<KlarnaTransportOptions, "authorization">

  constructor({ authorization, ...options }: KlarnaTransportOptions) {
    this.options = options
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      // Klarna never redirects API calls; following one could send credentials elsewhere.
      maxRedirects: 0,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      transitional: { clarifyTimeoutError: true },
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "User-Agent": options.userAgent,
      },
    })
    this.http.interceptors.request.use((config) => {
      config.headers.set("Authorization", authorization)
      // axios' own timeout covers connecting and socket inactivity only; this bounds the
      // whole attempt (a server trickling bytes) too. Retries get a fresh signal.
      config.signal = AbortSignal.timeout(options.timeoutMs)
      return config
    })
    axiosRetry(this.http, { retries: options.maxRetries, shouldResetTimeout: true })
  }

  async send<T = undefined>(req: KlarnaRequest<T>): Promise<KlarnaResponse<T>> {
    const started = Date.now()
    const state = { attempts: 1, nextDelayMs: 0 }
    let res: AxiosResponse<unknown>
    try {
      res = await this.http.request({
        method: req.method,
        url: req.path,
        data: req.body,
        headers: req.idempotencyKey ? { [IDEMPOTENCY_HEADER]: req.idempotencyKey } : undefined,
        "axios-retry": {
          retryCondition: (error) => isRetryableFailure(classifyFailure(error)),
          retryDelay: (retry, error) => {
            state.nextDelayMs = retryDelayMs(retry, classifyFailure(error), {
              baseDelayMs: this.options.retryBaseDelayMs,
              maxDelayMs: this.options.retryMaxDelayMs,
            })
            return state.nextDelayMs
          },
          onRetry: (retry, error, config) => {
            state.attempts = retry + 1
            // The spent deadline signal must not follow the retry (axios-retry would skip the delay).
            delete config.signal
            this.logRetry(req, classifyFailure(error), retry, state.nextDelayMs)
          },
        },
      })
    } catch (err) {
      if (err instanceof KlarnaApiError) {
        throw err
      }
      // Only a plain description leaves this block; the axios error (config, headers) is dropped here.
      const failure = classifyFailure(err)
      throw failureToError(failure, { operation: req.operation, attempts: state.attempts, timeoutMs: this.options.timeoutMs })
    }

    const headers = copyHeaders(res.headers)
    const correlationId = headerValue(res.headers, CORRELATION_ID_HEADER)
    const ms = Date.now() - started
    this.log("debug", `Klarna ${req.operation}: ${req.method} ${req.path} -> ${res.status} in ${ms} ms${cid(correlationId)}`)

    let data = undefined as T
    if (req.responseSchema) {
      data = parseBody(req, res.data, correlationId)
    }
    return { status: res.status, data, correlationId, headers }
  }

  private logRetry(req: KlarnaRequest<unknown>, failure: KlarnaFailure, retry: number, delayMs: number): void {
    const what =
      failure.kind === "http"
        ? `HTTP ${failure.status}${failure.errorCode ? ` ${failure.errorCode}` : ""}`
        : failure.kind === "network"
          ? `network error ${failure.code ?? "unknown"}`
          : failure.kind
    const correlation = failure.kind === "http" ? cid(failure.correlationId) : ""
    this.log(
      "warn",
      `Klarna ${req.operation}: ${req.method} ${req.path} failed with ${what} on attempt ${retry} of ${
        this.options.maxRetries + 1
      }; retrying in ${delayMs} ms${correlation}`
    )
  }

  private log(level: "debug" | "warn", message: string): void {
    try {
      this.options.logger?.[level]?.(message)
    } catch {
      // a broken logger must not fail a payment operation
    }
  }
}

function parseBody<T>(req: KlarnaRequest<T>, raw: unknown, correlationId: string | undefined): T {
  let json: unknown = raw
  if (typeof raw === "string") {
    try {
      json = JSON.parse(raw)
    } catch {
      const detail = raw.trim() === "" ? "empty response body" : "response body is not JSON"
      throw unexpectedResponseError(req.operation, detail, correlationId)
    }
  }
  const parsed = req.responseSchema!.safeParse(json)
  if (!parsed.success) {
    throw unexpectedResponseError(req.operation, formatZodIssues(parsed.error.issues), correlationId)
  }
  return parsed.data
}

function copyHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  const source =
    headers && typeof (headers as { toJSON?: unknown }).toJSON === "function"
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : ((headers ?? {}) as Record<string, unknown>)
  for (const [name, value] of Object.entries(source)) {
    const v = Array.isArray(value) ? value.join(", ") : value
    if (typeof v === "string" || typeof v === "number") {
      out[name.toLowerCase()] = String(v)
    }
  }
  return out
}

const cid = (correlationId: string | undefined) => (correlationId ? ` (correlation id ${correlationId})` : "")
