import { workerEnv, WorkerSetupError } from "../lib/worker-env"

const runtime = {
  backend_url: "http://localhost:9000",
  env: {
    DATABASE_URL: "postgres://u:p@127.0.0.1:54329/medusa_klarna",
    REDIS_URL: "redis://127.0.0.1:6379",
    KLARNA_BASE_URL: "http://127.0.0.1:4010",
    KLARNA_USERNAME: "sim_user",
    KLARNA_PASSWORD: "sim_password",
    KLARNA_SIMULATOR_URL: "http://127.0.0.1:4010",
  },
}

describe("workerEnv", () => {
  it("takes the running server's database, Redis and simulator when the environment names none", () => {
    const env = workerEnv({ PATH: "/bin" }, runtime)
    expect(env).toMatchObject({ ...runtime.env, MEDUSA_WORKER_MODE: "worker", MEDUSA_ADMIN_DISABLED: "true", MEDUSA_BACKEND_URL: "http://localhost:9000" })
  })

  it("prefers the environment, and never swaps real Klarna credentials for the simulator", () => {
    const env = workerEnv({ DATABASE_URL: "postgres://db/shop", REDIS_URL: "redis://cache:6379", KLARNA_API_KEY: "k" }, runtime)
    expect(env.DATABASE_URL).toBe("postgres://db/shop")
    expect(env.REDIS_URL).toBe("redis://cache:6379")
    expect(env.KLARNA_BASE_URL).toBeUndefined()
    expect(env.KLARNA_API_KEY).toBe("k")
  })

  it("refuses to start without Redis, saying what to set", () => {
    const run = () => workerEnv({ DATABASE_URL: "postgres://db/shop", KLARNA_API_KEY: "k" }, undefined)
    expect(run).toThrow(WorkerSetupError)
    expect(run).toThrow(/REDIS_URL/)
  })

  it("refuses to start without a database or a Klarna connection", () => {
    expect(() => workerEnv({ REDIS_URL: "redis://x" }, undefined)).toThrow(/DATABASE_URL/)
    expect(() => workerEnv({ REDIS_URL: "redis://x", DATABASE_URL: "postgres://db" }, undefined)).toThrow(/KLARNA_USERNAME/)
  })
})

describe("workerEnv and Kustom", () => {
  const withKustom = {
    ...runtime,
    env: { ...runtime.env, KUSTOM_BASE_URL: "http://127.0.0.1:4010/kustom", KUSTOM_USERNAME: "PM_sim_kustom", KUSTOM_PASSWORD: "kco_sim_password" },
  }
  it("takes the server's simulated Kustom connection when the environment names none", () => {
    expect(workerEnv({}, withKustom)).toMatchObject({ KUSTOM_BASE_URL: "http://127.0.0.1:4010/kustom", KUSTOM_USERNAME: "PM_sim_kustom" })
  })
  it("never swaps real Kustom credentials for the simulator", () => {
    const env = workerEnv({ KUSTOM_USERNAME: "PM0001", KUSTOM_PASSWORD: "kco_real" }, withKustom)
    expect(env.KUSTOM_PASSWORD).toBe("kco_real")
    expect(env.KUSTOM_BASE_URL).toBeUndefined()
  })
})
