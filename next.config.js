/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM from its package folder, argon2 is a native addon and postgres.js
  // holds sockets: all three run from node_modules rather than the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Server actions carry forms only; article saves go through a route handler with its
    // own 2 MB limit (lib/http/request-body.ts).
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    const privatePages = { key: 'Cache-Control', value: 'private, no-store' };
    return [
      { source: '/studio/:path*', headers: [privatePages] },
      { source: '/studio', headers: [privatePages] },
      { source: '/login', headers: [privatePages] },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
