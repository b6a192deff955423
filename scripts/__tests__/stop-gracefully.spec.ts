import { spawn } from "node:child_process"
import { stopGracefully } from "../lib/stop-gracefully"

const child = (script: string) => spawn(process.execPath, ["-e", script], { stdio: "ignore" })

describe("stopGracefully", () => {
  it("lets a child that stops on SIGTERM stop by itself", async () => {
    const c = child("setInterval(() => {}, 1000)")
    await new Promise((r) => setTimeout(r, 200))
    await stopGracefully(c, { group: false, graceMs: 5000 })
    expect(c.signalCode).toBe("SIGTERM")
  })

  it("kills a child whose shutdown hangs once the grace is over", async () => {
    const c = child("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)")
    await new Promise((r) => setTimeout(r, 300))
    await stopGracefully(c, { group: false, graceMs: 300 })
    await new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)))
    expect(c.signalCode).toBe("SIGKILL")
  })
})
