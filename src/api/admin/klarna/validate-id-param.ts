import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/**
 * An id in a URL. Control characters are refused up front: PostgreSQL cannot
 * store a NUL, so `%00` would otherwise surface as a 500 from the database.
 */
export const AdminKlarnaIdParam = z
  .string()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, "must not contain control characters")

/** Middleware refusing a malformed `:param` with a 400 before any route code runs. */
export function validateIdParam(param = "id") {
  return function validateIdParamMiddleware(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const parsed = AdminKlarnaIdParam.safeParse(req.params?.[param])
    if (!parsed.success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${param} in the URL: it ${parsed.error.issues[0]?.message ?? "is malformed"}.`)
    }
    next()
  }
}
