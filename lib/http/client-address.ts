/**
 * The client's address, for sign-in limits and the audit log. `next start` fills in
 * X-Forwarded-For from the socket when the request has none; behind a load balancer the
 * balancer must set it (and overwrite what the client sent), as the README says.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
  // Normalise IPv4-mapped IPv6 ("::ffff:127.0.0.1") so one client is one key.
  return address.replace(/^::ffff:/, '').slice(0, 64);
}
