/** RFC 4180 CSV: comma-separated fields, CRLF line ends, fields with `"`, `,`, CR or LF quoted and `"` doubled. */

export function csvField(value: string): string {
  const safe = spreadsheetSafe(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or CR) as a formula; the
 * accountant opens this file, and its text comes from Klarna and the shop. Such text gets a leading
 * `'`; a number (`-12.50`) stays a number.
 */
function spreadsheetSafe(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",")
}

/** Header plus rows, every line ending in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join("")
}
