import { z } from "@medusajs/framework/zod"

const token = z.string().trim().min(1, "authorization_token is required").max(1024)

export const StoreKlarnaAuthorizationToken = z.object({ authorization_token: token }).strict()
export type StoreKlarnaAuthorizationTokenType = z.infer<typeof StoreKlarnaAuthorizationToken>

export const HookKlarnaAuthorization = z.object({ authorization_token: token, session_id: z.string().min(1) })
export type HookKlarnaAuthorizationType = z.infer<typeof HookKlarnaAuthorization>

export const HookKlarnaAuthorizationQuery = z.object({ payment_session_id: z.string().min(1) })
