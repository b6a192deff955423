import { MedusaError } from "@medusajs/framework/utils"
import { KlarnaApiError, medusaErrorTypeForStatus } from "../errors"
import { failureToError } from "../failure"

const ctx = { operation: "captureOrder", attempts: 1, timeoutMs: 10000 }

describe("medusaErrorTypeForStatus", () => {
  it.each([
    [400, MedusaError.Types.INVALID_DATA],
    [422, MedusaError.Types.INVALID_DATA],
    [401, MedusaError.Types.UNEXPECTED_STATE],
    [403, MedusaError.Types.NOT_ALLOWED],
    [404, MedusaError.Types.NOT_FOUND],
    [409, MedusaError.Types.CONFLICT],
    [429, MedusaError.Types.UNEXPECTED_STATE],
    [500, MedusaError.Types.UNEXPECTED_STATE],
    [503, MedusaError.Types.UNEXPECTED_STATE],
  ])("%i -> %s", (status, type) => {
    expect(medusaErrorTypeForStatus(status)).toBe(type)
  })
})

describe("KlarnaApiError", () => {
  it("is a MedusaError whose JSON holds only the safe fields", () => {
    const err = new KlarnaApiError({
      type: MedusaError.Types.NOT_FOUND,
      message: "Klarna refused to read the order (NO_SUCH_ORDER)",
      operation: "getOrder",
      status: 404,
      errorCode: "NO_SUCH_ORDER",
      errorMessages: ["Order x cannot be found"],
      correlationId: "c-1",
    })
    expect(err).toBeInstanceOf(MedusaError)
    expect(MedusaError.isMedusaError(err)).toBe(true)
    expect(err.name).toBe("KlarnaApiError")
    expect(String(err)).toBe("KlarnaApiError: Klarna refused to read the order (NO_SUCH_ORDER)")
    expect(err.stack?.split("\n")[0]).toBe("KlarnaApiError: Klarna refused to read the order (NO_SUCH_ORDER)")
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "KlarnaApiError",
      type: "not_found",
      message: "Klarna refused to read the order (NO_SUCH_ORDER)",
      operation: "getOrder",
      status: 404,
      errorCode: "NO_SUCH_ORDER",
      errorMessages: ["Order x cannot be found"],
      correlationId: "c-1",
      retryable: false,
    })
  })
})

describe("failureToError messages", () => {
  it("rate limiting", () => {
    const err = failureToError(
      { kind: "http", status: 429, errorCode: "TOO_MANY_REQUESTS", errorMessages: [], correlationId: "c" },
      { ...ctx, attempts: 4 }
    )
    expect(err.message).toBe("Klarna rate-limited the request to capture the order after 4 attempts (TOO_MANY_REQUESTS, correlation id c)")
    expect(err.retryable).toBe(true)
  })

  it("network errors show the code, never Node's raw message", () => {
    expect(failureToError({ kind: "network", code: "ENOTFOUND" }, ctx).message).toBe(
      "Klarna could not be reached while trying to capture the order: host not found (ENOTFOUND)"
    )
    expect(failureToError({ kind: "network", code: "CERT_HAS_EXPIRED" }, ctx).message).toMatch(/TLS certificate problem \(CERT_HAS_EXPIRED\)$/)
    expect(failureToError({ kind: "network", code: "ERR_INVALID_CHAR" }, ctx).message).toMatch(/network error \(ERR_INVALID_CHAR\)$/)
    expect(failureToError({ kind: "network", code: "ENOTFOUND" }, ctx).retryable).toBe(false)
  })

  it("timeouts", () => {
    const err = failureToError({ kind: "timeout" }, ctx)
    expect(err.message).toBe("Klarna could not be reached while trying to capture the order: timeout after 10000 ms")
    expect(err.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
  })
})
