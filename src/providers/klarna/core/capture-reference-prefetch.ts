import { AsyncLocalStorage } from "node:async_hooks"

/**
 * Klarna's capture answer carries the capture id but not the capture's own
 * Klarna reference, which the plugin's event log names. A caller that will
 * need it runs the capture inside `collectCaptureReferences`; the provider
 * then starts reading it as soon as Klarna has answered, while Medusa records
 * the capture, instead of after. Captures outside such a call (Medusa's own
 * route, say) read nothing more.
 */
const wanted = new AsyncLocalStorage<Map<string, Promise<string | undefined>>>()

export async function collectCaptureReferences<T>(
  run: () => Promise<T>
): Promise<{ result: T; references: Map<string, Promise<string | undefined>> }> {
  const references = new Map<string, Promise<string | undefined>>()
  const result = await wanted.run(references, run)
  return { result, references }
}

export function prefetchCaptureReference(captureId: string, read: () => Promise<string | undefined>): void {
  const references = wanted.getStore()
  if (references && !references.has(captureId)) {
    // Never rejects: a failed read leaves the reference out of the entry, as a later read would.
    references.set(captureId, read().catch(() => undefined))
  }
}
