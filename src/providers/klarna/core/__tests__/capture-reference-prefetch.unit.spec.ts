import { collectCaptureReferences, prefetchCaptureReference } from "../capture-reference-prefetch"

describe("capture reference prefetch", () => {
  it("starts the read for a caller that collects, across awaits, once per capture", async () => {
    let reads = 0
    const read = async () => {
      reads++
      return "K4MADNY-1"
    }
    const { result, references } = await collectCaptureReferences(async () => {
      await new Promise((r) => setTimeout(r, 5))
      prefetchCaptureReference("cap_1", read)
      prefetchCaptureReference("cap_1", read)
      return "captured"
    })
    expect(result).toBe("captured")
    expect(reads).toBe(1)
    expect(await references.get("cap_1")).toBe("K4MADNY-1")
  })

  it("reads nothing for a capture no caller collects", async () => {
    const read = jest.fn(async () => "K4MADNY-1")
    prefetchCaptureReference("cap_2", read)
    expect(read).not.toHaveBeenCalled()
  })

  it("a failed read leaves the reference out instead of failing the capture", async () => {
    const { references } = await collectCaptureReferences(async () => {
      prefetchCaptureReference("cap_3", async () => {
        throw new Error("Klarna is down")
      })
    })
    await expect(references.get("cap_3")).resolves.toBeUndefined()
  })
})
