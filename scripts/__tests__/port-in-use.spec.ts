import net from "node:net"
import { portInUse } from "../lib/port-in-use"

describe("portInUse", () => {
  it("tells a port another server listens on from a free one", async () => {
    const server = net.createServer()
    await new Promise<void>((r) => server.listen(0, () => r()))
    const { port } = server.address() as net.AddressInfo
    expect(await portInUse(port)).toBe(true)
    await new Promise((r) => server.close(r))
    expect(await portInUse(port)).toBe(false)
  })
})
