import type { ChildProcess } from "node:child_process"

/**
 * Asks Medusa to stop (SIGTERM), and kills it when its graceful shutdown hangs
 * (open connections, Redis) so it never outlives the command that started it.
 * `group`: signal the child's whole process group (it was spawned detached).
 */
export async function stopGracefully(child: ChildProcess, opts: { group: boolean; graceMs?: number }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise<boolean>((resolve) => child.once("exit", () => resolve(true)))
  const signal = (sig: NodeJS.Signals) => {
    try {
      opts.group ? process.kill(-child.pid!, sig) : child.kill(sig)
    } catch {
      child.kill(sig)
    }
  }
  signal("SIGTERM")
  if (!(await Promise.race([exited, new Promise<boolean>((r) => setTimeout(() => r(false), opts.graceMs ?? 8000))]))) {
    signal("SIGKILL")
  }
}
