import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateIdParam } from "../validate-id-param"
import { AdminKlarnaPayoutsQuery, AdminSyncKlarnaSettlements } from "./validators"

/** The settlement routes' validation, spread into src/api/middlewares.ts. */
export const klarnaSettlementsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/klarna/settlements/payouts/:id", middlewares: [validateIdParam("id")] },
  { matcher: "/admin/klarna/settlements/sync", method: ["POST"], middlewares: [validateAndTransformBody(AdminSyncKlarnaSettlements)] },
  { matcher: "/admin/klarna/settlements/payouts", method: ["GET"], middlewares: [validateAndTransformQuery(AdminKlarnaPayoutsQuery, {})] },
]
