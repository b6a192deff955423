export default async function globalTeardown() {
  const simulator = (globalThis as any).__KLARNA_SIMULATOR__
  if (simulator) {
    await simulator.close()
  }
}
