import { workerModeFromEnv } from "../worker-mode"

describe("workerModeFromEnv", () => {
  it("is one process doing everything when unset", () => {
    expect(workerModeFromEnv(undefined)).toBe("shared")
    expect(workerModeFromEnv(" ")).toBe("shared")
  })
  it("passes Medusa's modes through", () => {
    expect(workerModeFromEnv("server")).toBe("server")
    expect(workerModeFromEnv("worker")).toBe("worker")
  })
  it("stops the boot on a misspelt mode instead of a server that never handles events", () => {
    expect(() => workerModeFromEnv("workers")).toThrow('MEDUSA_WORKER_MODE must be one of shared, server, worker (got "workers").')
  })
})
