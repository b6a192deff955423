export default async function globalTeardown() {
  const simulators = ((globalThis as any).__KLARNA_SIMULATORS__ ?? []) as Array<{ close(): Promise<void> }>
  await Promise.all(simulators.map((simulator) => simulator.close()))
}
