// Who is asking: the socket's peer address, or, when that peer is a proxy named in
// VERBATIM_TRUSTED_PROXIES, the address that proxy reports in X-Forwarded-For (read from
// the right, skipping further trusted proxies). A client cannot choose its own address
// by sending the header: from anyone else it is ignored. Pure; used by scripts/server.mjs.
import net from "node:net";

/** Strips the IPv4-mapped IPv6 prefix Node reports on dual-stack sockets. */
export function plainAddress(address) {
  const a = String(address ?? "").trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

/**
 * Trusted proxies from a comma-separated list of addresses and CIDR ranges
 * ("127.0.0.1, 10.0.0.0/8, ::1"). Throws on an entry that is neither, naming it.
 */
export function parseTrustedProxies(spec) {
  const list = new net.BlockList();
  for (const raw of String(spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.split("/");
    const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
    if (!family) throw new Error(`VERBATIM_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    if (bits === undefined) list.addAddress(address, family);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === "ipv4" ? 32 : 128)) {
        throw new Error(`VERBATIM_TRUSTED_PROXIES: "${entry}" has an invalid prefix length.`);
      }
      list.addSubnet(address, prefix, family);
    }
  }
  return list;
}

const isTrusted = (list, address) => {
  const family = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
  return family !== null && list.check(address, family);
};

/** The client's address for a request from `peer` carrying `forwardedFor` (X-Forwarded-For). */
export function clientAddress(peer, forwardedFor, trusted) {
  let current = plainAddress(peer);
  if (!isTrusted(trusted, current)) return current;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map(plainAddress)
    .filter((h) => h !== "");
  while (hops.length > 0) {
    const hop = hops.pop();
    if (!net.isIP(hop)) return current; // garbage from beyond the last trusted proxy
    current = hop;
    if (!isTrusted(trusted, current)) return current;
  }
  return current;
}

/** Whether the peer is a trusted proxy (so its X-Forwarded-Host and -Proto are believed). */
export function fromTrustedProxy(peer, trusted) {
  return isTrusted(trusted, plainAddress(peer));
}
