import { isIPv4 } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** 127.0.0.0/8, ::1, and IPv4 loopback written as an IPv6-mapped address (a dual-stack socket). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return v4.startsWith('127.');
  return address === '::1';
}

/** A proxy in front of us says it forwards someone else's request. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether the request comes from this very machine: judged on the TCP socket, never on request.ip (which
 * TRUST_PROXY may take from X-Forwarded-For, a header anyone can send). A reverse proxy on this machine
 * connects from loopback for every visitor, so a request that says it was forwarded is not local either.
 */
export function isLocalClient(request: FastifyRequest): boolean {
  return (
    isLoopbackAddress(request.raw.socket.remoteAddress) &&
    !FORWARDING_HEADERS.some((h) => request.headers[h] !== undefined)
  );
}
