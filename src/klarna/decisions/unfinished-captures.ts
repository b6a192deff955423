/** A Medusa capture row of a Klarna payment, as far as finishing it matters. */
export interface CaptureRowFacts {
  id: string
  created_at: string | Date
}

export interface UnfinishedCaptures<Row extends CaptureRowFacts> {
  /** Never answered by Klarna in Medusa and old enough that no live process can still be waiting for that answer. */
  abandoned: Row[]
  /** Answered (Medusa holds Klarna's capture) but without the order transaction Medusa's capture adds last. */
  unrecorded: Row[]
  /** Unfinished but young: a capture may still be running elsewhere; look again at this time. */
  recheck_at: Date | null
}

/**
 * Medusa's capture is several writes: the capture row, then Klarna's capture,
 * then the payment's data, then the order transaction. A process killed
 * between them leaves a row that blocks the next capture ("nothing left to
 * capture") while the order shows unpaid. Which rows are unfinished, from
 * what Medusa holds: `answered` are the rows whose Klarna answer is in the
 * payment's data, `recorded` the rows with an order transaction.
 */
export function unfinishedCaptures<Row extends CaptureRowFacts>(input: {
  rows: Row[]
  answered: ReadonlySet<string>
  recorded: ReadonlySet<string>
  now: Date
  unfinishedAfterMs: number
}): UnfinishedCaptures<Row> {
  const out: UnfinishedCaptures<Row> = { abandoned: [], unrecorded: [], recheck_at: null }
  for (const row of input.rows) {
    if (input.recorded.has(row.id)) continue
    const settledAt = new Date(new Date(row.created_at).getTime() + input.unfinishedAfterMs)
    if (settledAt > input.now) {
      out.recheck_at = out.recheck_at && out.recheck_at < settledAt ? out.recheck_at : settledAt
      continue
    }
    ;(input.answered.has(row.id) ? out.unrecorded : out.abandoned).push(row)
  }
  return out
}
