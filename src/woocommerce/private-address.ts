/**
 * Addresses the admin-started import must never connect to: this server
 * itself and networks that are not the public internet (loopback, private,
 * link-local, unique-local, CGNAT, multicast, reserved). IPv6 forms that
 * embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are
 * judged by that IPv4 address.
 */
import { isIP } from "node:net"

type Range = [prefix: number[], bits: number]

const PRIVATE_V4: Range[] = [
  [[0, 0, 0, 0], 8], // "this network", 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local (cloud metadata services live here)
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, 255.255.255.255
]

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i < prefix.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((bytes[i] & mask) !== (prefix[i] & mask)) return false
  }
  return true
}

function ipv4Bytes(ip: string): number[] | undefined {
  if (isIP(ip) !== 4) return undefined
  return ip.split(".").map(Number)
}

/** The eight 16-bit words of an IPv6 address (brackets and zone id allowed). */
function ipv6Words(ip: string): number[] | undefined {
  let s = ip.replace(/^\[|\]$/g, "").split("%")[0]
  if (isIP(s) !== 6) return undefined
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/)
  if (dotted) {
    const b = ipv4Bytes(dotted[1])!
    s = `${s.slice(0, -dotted[1].length)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`
  }
  const [head, tail] = s.split("::")
  const h = head ? head.split(":") : []
  const t = tail === undefined ? undefined : tail ? tail.split(":") : []
  const words = t === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t]
  return words.map((w) => parseInt(w, 16))
}

function v4FromWords(hi: number, lo: number): number[] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]
}

function isPrivateV4(bytes: number[]): boolean {
  return PRIVATE_V4.some((r) => inRange(bytes, r))
}

function isPrivateV6(w: number[]): boolean {
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0)
  if (zeros(0, 5) && (w[5] === 0 || w[5] === 0xffff)) return isPrivateV4(v4FromWords(w[6], w[7])) // ::a.b.c.d, ::ffff:a.b.c.d, ::, ::1
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return isPrivateV4(v4FromWords(w[6], w[7])) // NAT64
  if (w[0] === 0x2002) return isPrivateV4(v4FromWords(w[1], w[2])) // 6to4
  if ((w[0] & 0xfe00) === 0xfc00) return true // unique local fc00::/7
  if ((w[0] & 0xffc0) === 0xfe80) return true // link-local fe80::/10
  if ((w[0] & 0xffc0) === 0xfec0) return true // site-local fec0::/10 (deprecated)
  if ((w[0] & 0xff00) === 0xff00) return true // multicast
  return false
}

/** true for an IP address that is not a public internet address; false for a public one or a non-IP string. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4Bytes(ip)
  if (v4) return isPrivateV4(v4)
  const v6 = ipv6Words(ip)
  return v6 ? isPrivateV6(v6) : false
}

/** `localhost` and its subdomains (RFC 6761), with or without the trailing dot. */
export function isLocalhostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "")
  return h === "localhost" || h.endsWith(".localhost")
}

/** The hostname as an IP address (IPv6 without brackets), or undefined when it is a name. */
export function ipLiteral(hostname: string): string | undefined {
  const h = hostname.replace(/^\[|\]$/g, "")
  return isIP(h) ? h : undefined
}
