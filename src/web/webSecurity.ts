/**
 * Browser mode's gatekeeping, checked before any method is looked up: the Host header must be
 * our loopback address and port (DNS rebinding), every /api request must carry the per-launch
 * token, and a request that states an Origin must state ours.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: number;
  message: string;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(request: IncomingMessage, port: number): Refusal | null {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) {
    return {
      status: 421,
      message: `refused: Host ${JSON.stringify(host ?? '')} is not this workbench`,
    };
  }
  return null;
}

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token comes as `Authorization: Bearer …` (fetch) or `?token=…` (EventSource cannot set headers). */
export function requestToken(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return url.searchParams.get('token');
}

function originIsOurs(origin: string, port: number): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && allowedHosts(port).has(parsed.host.toLowerCase());
  } catch {
    return false;
  }
}

export function checkApiAccess(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): Refusal | null {
  if (!tokensEqual(requestToken(request, url), token)) {
    return { status: 401, message: 'refused: missing or wrong launch token' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !originIsOurs(origin, port)) {
    return { status: 403, message: `refused: requests from ${origin} are not allowed` };
  }
  return null;
}
