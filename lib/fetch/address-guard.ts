// Server-side fetching must not become a way into the server's own network: an address
// that is private, loopback, link-local, shared, multicast, reserved or otherwise not on
// the public internet is refused — checked on every address a name resolves to, for
// every hop of a redirect chain, and on the address actually connected to (the fetcher
// pins the connection to the address checked here, so DNS cannot answer differently the
// second time). VERBATIM_FETCH_ALLOW_PRIVATE=1 lifts it (tests with a local server).
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32],
  ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) blocked.addSubnet(net, bits, "ipv6");

export const allowPrivateFetch = (): boolean => process.env.VERBATIM_FETCH_ALLOW_PRIVATE === "1";

/** An IPv4 address carried inside an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d), if any. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address.replace(/^::/, "0:"));
  if (m) return m[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** True when `address` (an IP literal) is not a public internet address. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true; // not an address at all: refuse
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return blocked.check(v4, "ipv4");
  return blocked.check(address, "ipv6");
}
