import type { IncomingMessage } from "node:http"

/** Same test body-parser uses: a body is present when it is chunked or has a non-zero length. */
export function hasBody(req: IncomingMessage): boolean {
  const len = req.headers["content-length"]
  return req.headers["transfer-encoding"] !== undefined || (len !== undefined && len !== "0")
}
