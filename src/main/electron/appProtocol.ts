/**
 * Serves the built renderer (out/renderer) on our own privileged scheme, `cew-app://app/…`, so
 * the windows never run on `file://` (whose extra privileges the fuses switch off) and never on
 * the network. Every response carries the strict CSP, and a path that would leave the renderer
 * folder — `..`, encoded separators, NUL bytes — is answered 404 without touching the disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';

export const APP_SCHEME = 'cew-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * True for URLs on our scheme and host. Node gives non-special schemes the origin "null", so the
 * parts are compared instead of the origin.
 */
export function isAppSchemeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      !parsed.username &&
      !parsed.password
    );
  } catch {
    return false;
  }
}

/**
 * The file under `rendererRoot` that `requestUrl` names, or null when the URL is not ours or the
 * path would escape the folder. Pure, so the traversal rules are unit-tested.
 */
export function resolveAppAssetPath(rendererRoot: string, requestUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppSchemeUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows only; refusing it everywhere keeps one rule for all.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(rendererRoot);
  // URL pathnames start with '/'; the leading '.' keeps path.resolve from treating it as absolute.
  const resolved = path.resolve(root, `.${pathname}`);
  if (!resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard + secure give the pages a real origin for 'self' in the CSP. Vite emits
      // <script type="module" crossorigin>, fetched in CORS mode, which Chromium refuses on a
      // scheme not marked corsEnabled; we send no Access-Control-Allow-Origin, so no other
      // origin can read our files. No bypassCSP, no service workers.
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

export interface AppProtocolOptions {
  rendererRoot: string;
  /** security.ts's CONTENT_SECURITY_POLICY; passed in so this module does not import security.ts back. */
  contentSecurityPolicy: string;
}

/** Serves the renderer folder (inside app.asar when packaged: Electron's fs reads it) on the session. */
export function serveAppProtocol(ses: Session, options: AppProtocolOptions): void {
  const baseHeaders = {
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
  };
  const refuse = (status: number, body: string) =>
    new Response(body, {
      status,
      headers: { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8' },
    });
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(405, 'method not allowed');
    const file = resolveAppAssetPath(options.rendererRoot, request.url);
    if (!file) return refuse(404, 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        ...baseHeaders,
        'content-type': contentTypeFor(file),
        'cache-control': 'no-cache',
      },
    });
  });
}
