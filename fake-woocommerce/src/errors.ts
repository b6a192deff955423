import type { Response } from "express"

/** WordPress REST error body: `{ code, message, data: { status, ... } }`. */
export function wpError(res: Response, status: number, code: string, message: string, extraData: Record<string, unknown> = {}): void {
  res.status(status).json({ code, message, data: { status, ...extraData } })
}

export function invalidParams(res: Response, params: Record<string, string>): void {
  const names = Object.keys(params)
  wpError(res, 400, "rest_invalid_param", `Invalid parameter(s): ${names.join(", ")}`, {
    params,
    details: Object.fromEntries(names.map((n) => [n, { code: "rest_invalid_param", message: params[n], data: null }])),
  })
}

export function noRoute(res: Response): void {
  wpError(res, 404, "rest_no_route", "No route was found matching the URL and request method.")
}
