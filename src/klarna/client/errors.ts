import { MedusaError } from "@medusajs/framework/utils"

type MedusaErrorType = (typeof MedusaError.Types)[keyof typeof MedusaError.Types]

export interface KlarnaApiErrorInit {
  type: MedusaErrorType
  message: string
  /** Machine name of the client call, e.g. `captureOrder`. */
  operation: string
  status?: number
  errorCode?: string
  errorMessages?: string[]
  correlationId?: string
  retryable?: boolean
}

/** The fields that may leave the process (logs, API responses). */
export interface KlarnaApiErrorJSON {
  name: "KlarnaApiError"
  type: string
  message: string
  operation: string
  status?: number
  errorCode?: string
  errorMessages: string[]
  correlationId?: string
  retryable: boolean
}

/**
 * Every failure of a Klarna call. Holds only copied, credential-free values: never the
 * axios error, its config/request or any header, so logging or serialising it is safe.
 */
export class KlarnaApiError extends MedusaError {
  readonly status?: number
  readonly errorCode?: string
  readonly errorMessages: string[]
  readonly correlationId?: string
  readonly operation: string
  readonly retryable: boolean

  constructor(init: KlarnaApiErrorInit) {
    super(init.type, init.message)
    this.name = "KlarnaApiError"
    this.status = init.status
    this.errorCode = init.errorCode
    this.errorMessages = init.errorMessages ?? []
    this.correlationId = init.correlationId
    this.operation = init.operation
    this.retryable = init.retryable ?? false
    // MedusaError captures the stack before the message is set; redo it so the first line is useful.
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, KlarnaApiError)
    }
  }

  static isKlarnaApiError(e: unknown): e is KlarnaApiError {
    return e instanceof KlarnaApiError
  }

  /** Klarna answered and turned the write down (4xx, not 408/409/429): nothing was done. */
  get isRefusal(): boolean {
    return this.status !== undefined && this.status >= 400 && this.status < 500 && ![408, 409, 429].includes(this.status)
  }

  toJSON(): KlarnaApiErrorJSON {
    return {
      name: "KlarnaApiError",
      type: this.type,
      message: this.message,
      operation: this.operation,
      status: this.status,
      errorCode: this.errorCode,
      errorMessages: [...this.errorMessages],
      correlationId: this.correlationId,
      retryable: this.retryable,
    }
  }
}

/** MedusaError type for a Klarna HTTP status (401 is our configuration problem, not the caller's). */
export function medusaErrorTypeForStatus(status: number): MedusaErrorType {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return MedusaError.Types.INVALID_DATA
    case 403:
      return MedusaError.Types.NOT_ALLOWED
    case 404:
      return MedusaError.Types.NOT_FOUND
    case 409:
      return MedusaError.Types.CONFLICT
    default:
      return MedusaError.Types.UNEXPECTED_STATE
  }
}
