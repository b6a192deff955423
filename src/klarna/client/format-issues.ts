import type { z } from "zod"

/** `captures[0].captured_amount: expected number, received string; …` (first few issues only). */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const parts = issues.slice(0, max).map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      ""
    )
    const message = issue.message.replace(/^Invalid input: /, "")
    return `${path || "(body)"}: ${message}`
  })
  const more = issues.length > max ? ` (+${issues.length - max} more)` : ""
  return parts.join("; ") + more
}
