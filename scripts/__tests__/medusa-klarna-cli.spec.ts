import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

// The package's command line (bin/medusa-klarna.js) and the repository's `npm run import:woocommerce`,
// which share the import's option parsing. What needs a build and a Medusa app (the simulator, a real
// import) is covered by .ci/pack-test against the packed package.
const ROOT = join(__dirname, "..", "..")
const BIN = join(ROOT, "bin", "medusa-klarna.js")

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, WOOCOMMERCE_CONSUMER_KEY: "", WOOCOMMERCE_CONSUMER_SECRET: "", ...opts.env },
    encoding: "utf8",
    timeout: 15_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("npx medusa-klarna", () => {
  it("--help lists both commands", () => {
    const r = run([BIN, "--help"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("simulator [--port <n>]")
    expect(r.stdout).toContain("import-woocommerce --url <shop url>")
  })

  it("an unknown command is one line and exit code 2", () => {
    const r = run([BIN, "frobnicate"])
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split("\n")).toEqual([
      'medusa-klarna: unknown command "frobnicate" (commands: simulator, import-woocommerce; see --help).',
    ])
  })

  it("simulator refuses a port that is not a number", () => {
    const r = run([BIN, "simulator", "--port", "abc"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--port must be a port number, got abc")
  })

  it("import-woocommerce --help has the repository script's options under its own usage line", () => {
    const bin = run([BIN, "import-woocommerce", "--help"])
    const script = run([join(ROOT, "scripts", "woocommerce-import.js"), "--help"])
    expect(bin.code).toBe(0)
    expect(script.code).toBe(0)
    expect(bin.stdout.split("\n")[0]).toBe(
      "Usage: npx medusa-klarna import-woocommerce --url <shop url> --key <consumer key> --secret <consumer secret> [options]"
    )
    expect(script.stdout.split("\n")[0]).toBe(
      "Usage: npm run import:woocommerce -- --url <shop url> --key <consumer key> --secret <consumer secret> [options]"
    )
    expect(bin.stdout.split("\n").slice(1)).toEqual(script.stdout.split("\n").slice(1))
    expect(bin.stdout).toContain("--dry-run")
  })

  it("import-woocommerce needs the shop URL, key and secret", () => {
    const r = run([BIN, "import-woocommerce", "--url", "https://shop.example.se"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("The shop URL, consumer key and consumer secret are required.")
  })

  it("import-woocommerce outside a Medusa app says where to run it", () => {
    const dir = mkdtempSync(join(tmpdir(), "medusa-klarna-cli-"))
    try {
      const r = run([BIN, "import-woocommerce", "--url", "https://shop.example.se", "--key", "ck", "--secret", "cs"], { cwd: dir })
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`No medusa-config in ${dir}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
