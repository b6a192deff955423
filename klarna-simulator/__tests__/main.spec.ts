import { spawn } from "node:child_process"
import { join } from "node:path"
import axios from "axios"

const ROOT = join(__dirname, "..", "..")

describe("main.ts (CLI entry)", () => {
  it("prints the listening line, serves, and exits 0 on SIGTERM", async () => {
    const port = 40_000 + Math.floor(Math.random() * 10_000)
    const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "klarna-simulator/src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        KLARNA_SIMULATOR_PORT: String(port),
        KLARNA_SIMULATOR_USERNAME: "cli_user",
        KLARNA_SIMULATOR_PASSWORD: "cli_pw",
        KUSTOM_SIMULATOR_USERNAME: "PM_cli",
        KUSTOM_SIMULATOR_PASSWORD: "kco_cli_pw",
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ""
        child.stdout.on("data", (c) => {
          out += c
          const first = out.split("\n")[0]
          if (out.includes("\n")) resolve(first)
        })
        child.once("exit", (code) => reject(new Error(`exited early with ${code}`)))
      })
      expect(line).toBe(`Klarna simulator listening on http://127.0.0.1:${port} (Kustom: http://127.0.0.1:${port}/kustom)`)

      const res = await axios.get(`http://127.0.0.1:${port}/ordermanagement/v1/orders/x`, {
        auth: { username: "cli_user", password: "cli_pw" },
        validateStatus: () => true,
      })
      expect(res.status).toBe(404)

      const kustom = (username: string, password: string) =>
        axios.get(`http://127.0.0.1:${port}/kustom/ordermanagement/v1/orders/x`, { auth: { username, password }, validateStatus: () => true })
      expect((await kustom("PM_cli", "kco_cli_pw")).status).toBe(404)
      // The environment's credential replaces Kustom's default one.
      expect((await kustom("PM_sim_kustom", "kco_sim_password")).status).toBe(401)
    } finally {
      const code = await new Promise<number | null>((resolve) => {
        child.once("exit", (c) => resolve(c))
        child.kill("SIGTERM")
      })
      expect(code).toBe(0)
    }
  }, 15_000)
})
