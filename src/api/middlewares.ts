import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  confirmClaimWithKlarna,
  confirmExchangeWithKlarna,
  confirmOrderEditWithKlarna,
} from "./admin/confirm-order-change-with-klarna"
import { refundKlarnaPayment } from "./admin/refund-klarna-payment"
import { updateOrderAddressWithKlarna } from "./admin/update-order-address-with-klarna"
import { attachKlarnaSessionInput } from "./store/payment-collections/attach-klarna-session-input"
import { recordKlarnaAuthorizationAttempt } from "./store/carts/record-klarna-authorization-attempt"
import { validateIdParam } from "./admin/klarna/validate-id-param"
import { guardKlarnaNotification } from "./hooks/payment/klarna-notification-guard"
import { HookKustomPushQuery, HookKustomValidationQuery } from "./hooks/kustom/validators"
import {
  AdminKlarnaAttentionQuery,
  AdminWooImportDetailQuery,
  AdminKlarnaCapture,
  AdminKlarnaEmptyBody,
  AdminKlarnaConnectionTest,
  AdminKlarnaRefundPreview,
  AdminKlarnaOrderAutomation,
  AdminStartWooImport,
  AdminExcludeWooOrders,
  AdminUpdateKlarnaSettings,
} from "./admin/klarna/validators"
import { AdminDismissKlarnaAttention, AdminRetryKlarnaAttention } from "./admin/klarna/attention/validators"
import { klarnaSettlementsMiddlewares } from "./admin/klarna/settlements/middlewares"
import { HookKlarnaAuthorization, HookKlarnaAuthorizationQuery, StoreKlarnaAuthorizationToken } from "./store/klarna/validators"

export default defineMiddlewares({
  routes: [
    // No method: every route under /admin/klarna/orders/:id, before its own middlewares.
    { matcher: "/admin/klarna/orders/:id", middlewares: [validateIdParam("id")] },
    { matcher: "/admin/klarna/woocommerce-imports/:id", middlewares: [validateIdParam("id")] },
    { matcher: "/admin/klarna/attention/:id", middlewares: [validateIdParam("id")] },
    { matcher: "/admin/klarna/woocommerce-exclusions/:id", middlewares: [validateIdParam("id")] },
    ...klarnaSettlementsMiddlewares,
    {
      matcher: "/admin/klarna/woocommerce-exclusions",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminExcludeWooOrders)],
    },
    {
      matcher: "/admin/klarna/settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateKlarnaSettings)],
    },
    {
      matcher: "/admin/klarna/orders/:id/capture",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminKlarnaCapture)],
    },
    ...["cancel", "release", "extend", "sync"].map((action) => ({
      matcher: `/admin/klarna/orders/:id/${action}`,
      method: ["POST" as const],
      middlewares: [validateAndTransformBody(AdminKlarnaEmptyBody)],
    })),
    {
      matcher: "/admin/klarna/orders/:id/automation",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminKlarnaOrderAutomation)],
    },
    {
      matcher: "/admin/klarna/orders/:id/refund-preview",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminKlarnaRefundPreview)],
    },
    {
      matcher: "/admin/klarna/connection-test",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminKlarnaConnectionTest)],
    },
    {
      matcher: "/admin/klarna/woocommerce-imports",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminStartWooImport)],
    },
    {
      matcher: "/admin/klarna/woocommerce-imports/:id",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminWooImportDetailQuery, {})],
    },
    {
      matcher: "/admin/klarna/attention",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminKlarnaAttentionQuery, {})],
    },
    {
      matcher: "/admin/klarna/attention/:id/retry",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminRetryKlarnaAttention)],
    },
    {
      matcher: "/admin/klarna/attention/:id/dismiss",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminDismissKlarnaAttention)],
    },
    {
      matcher: "/admin/orders/:id",
      method: ["POST"],
      middlewares: [updateOrderAddressWithKlarna],
    },
    {
      matcher: "/admin/order-edits/:id/confirm",
      method: ["POST"],
      middlewares: [confirmOrderEditWithKlarna],
    },
    {
      matcher: "/admin/payments/:id/refund",
      method: ["POST"],
      middlewares: [refundKlarnaPayment],
    },
    { matcher: "/admin/claims/:id/request", method: ["POST"], middlewares: [confirmClaimWithKlarna] },
    { matcher: "/admin/exchanges/:id/request", method: ["POST"], middlewares: [confirmExchangeWithKlarna] },
    { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [recordKlarnaAuthorizationAttempt] },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [attachKlarnaSessionInput],
    },
    {
      matcher: "/store/klarna/payment-sessions/:id/authorization-token",
      method: ["POST"],
      middlewares: [
        // A registered customer's cart accepts the token only from that customer, signed in.
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreKlarnaAuthorizationToken),
      ],
    },
    { matcher: "/hooks/payment/klarna_klarna", method: ["POST"], middlewares: [guardKlarnaNotification] },
    { matcher: "/hooks/payment/kustom_kustom", method: ["POST"], middlewares: [guardKlarnaNotification] },
    {
      matcher: "/hooks/kustom/push",
      method: ["POST"],
      middlewares: [validateAndTransformQuery(HookKustomPushQuery, {})],
    },
    {
      matcher: "/hooks/kustom/validation",
      method: ["POST"],
      middlewares: [validateAndTransformQuery(HookKustomValidationQuery, {})],
    },
    {
      matcher: "/hooks/klarna/authorization",
      method: ["POST"],
      middlewares: [
        validateAndTransformQuery(HookKlarnaAuthorizationQuery, {}),
        validateAndTransformBody(HookKlarnaAuthorization),
      ],
    },
  ],
})
