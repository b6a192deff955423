import type { NextFunction, Request, Response } from "express"
import { hasBody } from "./http/has-body"
import { IDEMPOTENCY_HEADER, locals } from "./http/locals"

export interface RequestLogEntry {
  method: string
  path: string
  idempotency_key: string | null
  body: unknown
  /** null when the connection was closed without an answer (hang fault). */
  status: number | null
  replayed: boolean
  fault_id?: string
  at: string
}

/** Klarna API requests the simulator received. Never holds the Authorization header. */
export class RequestLog {
  private entries: RequestLogEntry[] = []

  constructor(private readonly limit: number) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry)
    if (this.entries.length > this.limit) {
      this.entries.splice(0, this.entries.length - this.limit)
    }
  }

  list(pathContains?: string): RequestLogEntry[] {
    return pathContains ? this.entries.filter((e) => e.path.includes(pathContains)) : [...this.entries]
  }

  clear(): void {
    this.entries = []
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const at = new Date().toISOString()
      res.once("close", () => {
        const l = locals(res)
        this.add({
          method: req.method,
          path: req.originalUrl,
          idempotency_key: req.get(IDEMPOTENCY_HEADER) ?? null,
          body: hasBody(req) ? req.body : null,
          status: res.headersSent ? res.statusCode : null,
          replayed: l.replayed === true,
          ...(l.faultId ? { fault_id: l.faultId } : {}),
          at,
        })
      })
      next()
    }
  }
}
