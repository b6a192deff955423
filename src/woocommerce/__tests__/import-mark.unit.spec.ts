import { earlier, later, nextImportMark, wooModifiedDate } from ".."

const d = (iso: string) => new Date(iso)
const base = { started_from: d("2025-01-01T00:00:00Z"), high_water: null, failure_mark: null, failure_without_date: false, complete: true }

describe("nextImportMark", () => {
  it("moves to the latest order the run settled", () => {
    expect(nextImportMark({ ...base, high_water: d("2025-03-01T10:00:00Z") })).toEqual(d("2025-03-01T10:00:00Z"))
  })

  it("stays one second before the earliest failure, so the next run reads that order again", () => {
    const mark = nextImportMark({ ...base, high_water: d("2025-03-01T10:00:00Z"), failure_mark: d("2025-02-01T08:00:05Z") })
    expect(mark).toEqual(d("2025-02-01T08:00:04Z"))
  })

  it("keeps the latest settled order when the failure came after it", () => {
    expect(nextImportMark({ ...base, high_water: d("2025-02-01T00:00:00Z"), failure_mark: d("2025-03-01T00:00:00Z") })).toEqual(d("2025-02-01T00:00:00Z"))
  })

  it("a run that read nothing keeps where it started (never back to the whole shop)", () => {
    expect(nextImportMark(base)).toEqual(base.started_from)
  })

  it("never goes backwards, even when a failure is dated at the mark itself", () => {
    expect(nextImportMark({ ...base, failure_mark: d("2025-01-01T00:00:00.500Z") })).toEqual(base.started_from)
  })

  it("stays where it started when a limit stopped the run or a failed order's date is unknown", () => {
    const settled = { ...base, high_water: d("2025-03-01T00:00:00Z") }
    expect(nextImportMark({ ...settled, complete: false })).toEqual(base.started_from)
    expect(nextImportMark({ ...settled, failure_without_date: true })).toEqual(base.started_from)
    expect(nextImportMark({ ...settled, started_from: null, complete: false })).toBeNull()
  })
})

describe("mark helpers", () => {
  it("later / earlier treat null as none", () => {
    const a = d("2025-01-01T00:00:00Z")
    const b = d("2025-02-01T00:00:00Z")
    expect(later(a, b)).toBe(b)
    expect(later(null, a)).toBe(a)
    expect(earlier(a, b)).toBe(a)
    expect(earlier(b, null)).toBe(b)
    expect(earlier(null, null)).toBeNull()
  })

  it("reads WooCommerce's zone-less GMT dates as UTC", () => {
    expect(wooModifiedDate("2025-07-11T13:00:00")).toEqual(d("2025-07-11T13:00:00Z"))
    expect(wooModifiedDate("2025-07-11T13:00:00+02:00")).toEqual(d("2025-07-11T11:00:00Z"))
    expect(wooModifiedDate("not a date")).toBeNull()
    expect(wooModifiedDate(null)).toBeNull()
  })
})
