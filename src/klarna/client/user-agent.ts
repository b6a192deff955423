import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

const PACKAGE_NAME = "medusa-klarna"

/**
 * The plugin's version, read from the nearest package.json named medusa-klarna. Looked up
 * at runtime because the compiled file lives at a different depth (.medusa/server/…) than
 * the source, so a static relative import would break after `medusa plugin:build`.
 */
export function pluginVersion(startDir: string = __dirname): string {
  let dir = startDir
  for (let i = 0; i < 10; i++) {
    const file = join(dir, "package.json")
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown }
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") {
          return pkg.version
        }
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir)
    if (parent === dir) {
      break
    }
    dir = parent
  }
  return "0.0.0"
}

let cached: string | undefined

/** Klarna's `Key/Name_version` convention, e.g. `Library/medusa-klarna_0.1.0 Language/Node_20.20.2`. */
export function defaultKlarnaUserAgent(): string {
  cached ??= `Library/${PACKAGE_NAME}_${pluginVersion()} Language/Node_${process.version.replace(/^v/, "")}`
  return cached
}
