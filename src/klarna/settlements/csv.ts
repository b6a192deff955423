/** RFC 4180 CSV: comma-separated fields, CRLF line ends, fields with `"`, `,`, CR or LF quoted and `"` doubled. */

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",")
}

/** Header plus rows, every line ending in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join("")
}
