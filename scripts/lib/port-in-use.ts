import net from "node:net"

/** Whether another program listens on this port (on any interface, where Medusa listens). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRINUSE"))
    probe.listen(port, () => probe.close(() => resolve(false)))
  })
}
