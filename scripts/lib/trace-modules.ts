import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Wraps every method of the given container services with a timer, for the
 * benchmark's --trace: wall time and calls per `service.method` (calls that
 * overlap count in full each).
 */
export function traceServices(container: MedusaContainer, keys: string[]) {
  const totals = new Map<string, { ms: number; calls: number }>()
  const restore: Array<() => void> = []
  for (const key of keys) {
    const service = container.resolve(key) as Record<string, unknown>
    const names = new Set<string>()
    for (let proto = service; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, name)
        if (name !== "constructor" && !name.startsWith("__") && typeof d?.value === "function") names.add(name)
      }
    }
    for (const name of names) {
      const original = service[name]
      if (typeof original !== "function") continue
      const label = `${key}.${name}`
      service[name] = function (this: unknown, ...args: unknown[]) {
        const started = process.hrtime.bigint()
        const done = () => {
          const t = totals.get(label) ?? { ms: 0, calls: 0 }
          t.ms += Number(process.hrtime.bigint() - started) / 1e6
          t.calls += 1
          totals.set(label, t)
        }
        const out = (original as Function).apply(this, args)
        if (out && typeof (out as Promise<unknown>).then === "function") return (out as Promise<unknown>).finally(done)
        done()
        return out
      }
      restore.push(() => (service[name] = original))
    }
  }
  return {
    report: () =>
      [...totals.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([label, t]) => ({ label, ms: Math.round(t.ms), calls: t.calls })),
    stop: () => restore.forEach((r) => r()),
  }
}
