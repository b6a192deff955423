import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { updateKlarnaBeforeOrderEditConfirm } from "./admin/order-edits/update-klarna-before-confirm"
import { attachKlarnaSessionInput } from "./store/payment-collections/attach-klarna-session-input"
import { HookKlarnaAuthorization, HookKlarnaAuthorizationQuery, StoreKlarnaAuthorizationToken } from "./store/klarna/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/order-edits/:id/confirm",
      method: ["POST"],
      middlewares: [updateKlarnaBeforeOrderEditConfirm],
    },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      method: ["POST"],
      middlewares: [attachKlarnaSessionInput],
    },
    {
      matcher: "/store/klarna/payment-sessions/:id/authorization-token",
      method: ["POST"],
      middlewares: [validateAndTransformBody(StoreKlarnaAuthorizationToken)],
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
