import type { NextFunction, Request, Response } from "express"
import { z } from "zod"
import { errorFromStatus } from "./errors"
import { locals } from "./http/locals"
import { sendKlarnaError } from "./http/sim-response"

export const faultSchema = z.object({
  method: z.string().min(1).optional(),
  /** Substring of the request path, or a regular expression written as `/source/`. */
  path: z.string().min(1),
  status: z.int().min(400).max(599).optional(),
  /** How many requests it applies to; 0 = unlimited. */
  times: z.int().min(0).default(1),
  /** Let this many matching requests through untouched first (e.g. fail the second PATCH only). */
  skip: z.int().min(0).optional(),
  rate: z.number().min(0).max(1).optional(),
  latency_ms: z.int().min(0).max(120_000).optional(),
  hang: z.boolean().optional(),
  retry_after: z.int().min(0).optional(),
  /**
   * Process the request (state changes), then answer `status` (default 500): a lost response.
   * With `latency_ms` and no `status`: process it at once and send the real answer that much later
   * (a caller killed meanwhile never learns what Klarna did).
   */
  after: z.boolean().optional(),
})

export type FaultSpec = z.infer<typeof faultSchema>

export interface Fault extends FaultSpec {
  id: string
  /** Requests it still applies to; null = unlimited. */
  remaining: number | null
  hits: number
}

function pathMatcher(pattern: string): (path: string) => boolean {
  if (pattern.length > 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
    const re = new RegExp(pattern.slice(1, -1))
    return (path) => re.test(path)
  }
  return (path) => path.includes(pattern)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/** Injected failures for Klarna API requests, applied before the request is processed. */
export class FaultRegistry {
  private faults: Array<Fault & { matches: (path: string) => boolean; passesLeft: number }> = []
  private readonly hangTimers = new Set<NodeJS.Timeout>()
  private seq = 0

  constructor(private readonly hangMs: number) {}

  /** Throws SyntaxError for an invalid `/regex/`. */
  add(spec: FaultSpec): Fault {
    const fault = {
      ...spec,
      id: `fault_${++this.seq}`,
      remaining: spec.times === 0 ? null : spec.times,
      hits: 0,
      matches: pathMatcher(spec.path),
      passesLeft: spec.skip ?? 0,
    }
    this.faults.push(fault)
    return this.describe(fault)
  }

  list(): Fault[] {
    return this.faults.map((f) => this.describe(f))
  }

  clear(): void {
    this.faults = []
  }

  /** Stops pending hang timers (on server close). */
  dispose(): void {
    for (const t of this.hangTimers) clearTimeout(t)
    this.hangTimers.clear()
  }

  private describe(f: Fault & { matches: unknown; passesLeft: number }): Fault {
    const { matches: _matches, passesLeft: _passes, ...rest } = f
    return rest
  }

  /** Picks the first applicable fault for a request and uses one of its `times`. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => {
      if ((f.method && f.method.toUpperCase() !== method.toUpperCase()) || !f.matches(path)) return false
      if (f.passesLeft > 0) {
        f.passesLeft--
        return false
      }
      return f.rate === undefined || Math.random() < f.rate
    })
    if (!fault) return undefined
    fault.hits++
    if (fault.remaining !== null && --fault.remaining <= 0) {
      this.faults = this.faults.filter((f) => f !== fault)
    }
    return fault
  }

  middleware() {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const path = req.originalUrl.split("?")[0]
      const fault = this.take(req.method, path)
      if (!fault) return next()
      locals(res).faultId = fault.id
      if (fault.after && fault.status === undefined && fault.latency_ms) {
        locals(res).answerDelayMs = fault.latency_ms
        return next()
      }
      if (fault.latency_ms) {
        await sleep(fault.latency_ms)
      }
      if (fault.hang) {
        const timer = setTimeout(() => {
          this.hangTimers.delete(timer)
          req.socket.destroy()
        }, this.hangMs)
        timer.unref()
        this.hangTimers.add(timer)
        res.once("close", () => {
          clearTimeout(timer)
          this.hangTimers.delete(timer)
        })
        return
      }
      const status = fault.status ?? 500
      if (fault.after) {
        locals(res).afterFault = { faultId: fault.id, status, retryAfter: fault.retry_after }
        return next()
      }
      if (fault.latency_ms && fault.status === undefined) {
        return next()
      }
      if (fault.retry_after !== undefined) {
        res.setHeader("Retry-After", String(fault.retry_after))
      }
      sendKlarnaError(res, errorFromStatus(status))
    }
  }
}
