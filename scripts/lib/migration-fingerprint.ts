import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/**
 * Everything `medusa db:migrate` reads to decide what to migrate: the installed Medusa and module
 * versions (the lock file), the app's config and which optional modules the environment turns on,
 * and this plugin's modules, links and migration scripts. The same fingerprint recorded in the
 * database means the last migrate already did all there is to do.
 */
export function migrationFingerprint(root: string, env: NodeJS.ProcessEnv): string {
  const hash = crypto.createHash("sha256")
  hash.update(`redis:${env.REDIS_URL ? "on" : "off"}\n`)
  const files = ["package-lock.json", "medusa-config.ts", "medusa-config.js"]
    .map((f) => path.join(root, f))
    .concat(["src/modules", "src/links", "src/migrations"].flatMap((d) => listFiles(path.join(root, d))))
    .filter((f) => fs.existsSync(f))
  for (const file of files) {
    hash.update(`${path.relative(root, file)}\n`)
    hash.update(fs.readFileSync(file))
  }
  return hash.digest("hex")
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== "__tests__")
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}
