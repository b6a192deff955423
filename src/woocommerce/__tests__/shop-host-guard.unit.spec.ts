import type { LookupAddress } from "node:dns"
import { sampleStore, startFakeWooCommerce, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, type RunningFakeWooCommerce } from "../../../fake-woocommerce/src"
import { checkShopHost, privateHostsAllowed, publicAddressLookup, type LookupAll } from "../shop-host-guard"
import { createWooReader, WooImportError } from ".."

/** A resolver answering from a table; each name's answers are used in turn (the last one repeats). */
function resolver(table: Record<string, Array<LookupAddress[] | NodeJS.ErrnoException>>) {
  const calls: string[] = []
  const lookupAll: LookupAll = (hostname, _options, callback) => {
    calls.push(hostname)
    const answers = table[hostname] ?? [Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" })]
    const answer = answers.length > 1 ? answers.shift()! : answers[0]
    setImmediate(() => (answer instanceof Error ? callback(answer, []) : callback(null, answer)))
  }
  return { lookupAll, calls }
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 })
const v6 = (address: string): LookupAddress => ({ address, family: 6 })

describe("checkShopHost", () => {
  it("accepts a name whose every address is public", async () => {
    const { lookupAll } = resolver({ "shop.example.se": [[v4("93.184.216.34"), v6("2606:4700::6810:84e5")]] })
    await expect(checkShopHost("shop.example.se", lookupAll)).resolves.toBeUndefined()
  })

  it("refuses a name when any of its addresses is private, naming it", async () => {
    const { lookupAll } = resolver({ "intranet.example.se": [[v4("93.184.216.34"), v4("10.0.0.7")]], "v6.example.se": [[v6("fd00::5")]] })
    await expect(checkShopHost("intranet.example.se", lookupAll)).resolves.toMatch(/intranet\.example\.se \(10\.0\.0\.7\), a local or private network address.*WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS=true/)
    await expect(checkShopHost("v6.example.se", lookupAll)).resolves.toMatch(/fd00::5/)
  })

  it("refuses localhost and private IP literals without asking DNS; accepts public literals", async () => {
    const { lookupAll, calls } = resolver({})
    for (const host of ["localhost", "shop.localhost", "127.0.0.1", "169.254.169.254", "[::1]", "[::ffff:7f00:1]", "[fe80::1]"]) {
      await expect(checkShopHost(host, lookupAll)).resolves.toMatch(/local or private network address/)
    }
    await expect(checkShopHost("93.184.216.34", lookupAll)).resolves.toBeUndefined()
    expect(calls).toEqual([])
  })

  it("a name that does not resolve is reported as such", async () => {
    const { lookupAll } = resolver({})
    await expect(checkShopHost("no-such-shop.example", lookupAll)).resolves.toBe("The shop's host name no-such-shop.example could not be found (ENOTFOUND). Check the shop URL.")
  })

  it("reads WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: only \"true\" allows", () => {
    expect(privateHostsAllowed({ WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: "true" })).toBe(true)
    expect(privateHostsAllowed({ WOOCOMMERCE_IMPORT_ALLOW_PRIVATE_HOSTS: "1" })).toBe(false)
    expect(privateHostsAllowed({})).toBe(false)
  })
})

describe("publicAddressLookup (on every connection)", () => {
  const lookup = (fn: ReturnType<typeof publicAddressLookup>, host: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => fn(host, { all }, (err, address) => resolve({ err, address })))

  it("a name that rebinds to a private address after the first check is refused on the next connection", async () => {
    const { lookupAll } = resolver({ "rebind.example": [[v4("93.184.216.34")], [v4("127.0.0.1")]] })
    const fn = publicAddressLookup(lookupAll)
    expect(await lookup(fn, "rebind.example", false)).toEqual({ err: null, address: "93.184.216.34" })
    const second = await lookup(fn, "rebind.example", true)
    expect(second.err).toMatchObject({ code: "EPRIVATEADDRESS", message: expect.stringContaining("127.0.0.1") })
  })

  it("answers in the shape asked for (all: true for Happy Eyeballs)", async () => {
    const { lookupAll } = resolver({ "shop.example.se": [[v4("93.184.216.34"), v6("2606:4700::6810:84e5")]] })
    const fn = publicAddressLookup(lookupAll)
    expect((await lookup(fn, "shop.example.se", true)).address).toEqual([v4("93.184.216.34"), v6("2606:4700::6810:84e5")])
  })

  it("passes DNS errors on unchanged", async () => {
    const { lookupAll } = resolver({})
    expect((await lookup(publicAddressLookup(lookupAll), "gone.example", false)).err).toMatchObject({ code: "ENOTFOUND" })
  })
})

describe("the reader with blockPrivateAddresses", () => {
  let shop: RunningFakeWooCommerce
  beforeAll(async () => {
    shop = await startFakeWooCommerce(sampleStore())
  })
  afterAll(() => shop.close())
  beforeEach(() => shop.clearRequests())

  const port = () => new URL(shop.url).port
  const reader = (url: string, extra: Record<string, unknown> = {}) =>
    createWooReader({ url, consumerKey: DEFAULT_CONSUMER_KEY, consumerSecret: DEFAULT_CONSUMER_SECRET, retryBaseDelayMs: 1, ...extra })

  it("refuses a private IP literal before sending anything", () => {
    expect(() => reader(shop.url, { blockPrivateAddresses: true })).toThrow(WooImportError)
    expect(() => reader(`http://[::1]:${port()}`, { blockPrivateAddresses: true })).toThrow(/local or private network address/)
    expect(shop.requests()).toHaveLength(0)
  })

  it("refuses at connect time a name that now resolves to this machine, without retrying and without a request reaching it", async () => {
    const { lookupAll, calls } = resolver({ "shop.rebind.test": [[v4("127.0.0.1")]] })
    const err = await reader(`http://shop.rebind.test:${port()}`, { blockPrivateAddresses: true, lookupAll })
      .listOrdersPage({ perPage: 1 })
      .catch((e) => e)
    expect(err).toBeInstanceOf(WooImportError)
    expect(err).toMatchObject({ code: "private_address", attempts: 1, retryable: false })
    expect(err.message).toMatch(/shop\.rebind\.test.*resolves to a local or private network address/)
    expect(calls).toEqual(["shop.rebind.test"])
    expect(shop.requests()).toHaveLength(0)

    const viaLocalhost = await reader(`http://localhost:${port()}`, { blockPrivateAddresses: true }).listOrdersPage({ perPage: 1 }).catch((e) => e)
    expect(viaLocalhost).toMatchObject({ code: "private_address" })
    expect(shop.requests()).toHaveLength(0)
  })

  it("without it (the command line), a shop on this machine is read", async () => {
    const page = await reader(`http://localhost:${port()}`).listOrdersPage({ perPage: 1 })
    expect(page.orders).toHaveLength(1)
    expect(shop.requests()).toHaveLength(1)
  })
})
