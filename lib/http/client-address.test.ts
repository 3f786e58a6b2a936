import { describe, expect, it } from "vitest";
import { clientAddress as address, fromTrustedProxy, parseTrustedProxies } from "../../scripts/client-address.mjs";

describe("client address (scripts/client-address.mjs)", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(address("203.0.113.5", "1.2.3.4", none)).toBe("203.0.113.5");
    expect(address("::ffff:203.0.113.5", "1.2.3.4", proxies)).toBe("203.0.113.5");
  });

  it("reads X-Forwarded-For from the right through trusted proxies only", () => {
    expect(address("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(address("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(address("127.0.0.1", "", proxies)).toBe("127.0.0.1");
    expect(address("127.0.0.1", "not-an-ip", proxies)).toBe("127.0.0.1");
    expect(address("::1", "2001:db8::1", proxies)).toBe("2001:db8::1");
    expect(fromTrustedProxy("10.9.9.9", proxies)).toBe(true);
  });

  it("refuses a malformed configuration, naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/proxy\.example/);
  });
});
