import type { Request } from "express"

/** The URL the client used to reach the simulator, for Location headers and redirect URLs. */
export const baseUrl = (req: Request): string => `${req.protocol}://${req.get("host") ?? "127.0.0.1"}`
