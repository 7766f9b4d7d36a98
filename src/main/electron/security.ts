/**
 * The fence around every renderer: no permission is ever granted, no page may navigate or open a
 * window away from the app, nothing is fetched from the network, and every page on our scheme gets
 * the strict CSP. The decisions are pure functions (unit-tested without Electron); the install
 * functions only wire them to a session and to each webContents.
 */
import type { Session, WebContents } from 'electron';
import { isAppSchemeUrl } from './appProtocol';

/**
 * Where the renderer may come from: always our scheme; in development also the electron-vite dev
 * server, which window.ts accepts only on http://localhost or 127.0.0.1 and only when unpackaged.
 */
export interface TrustedOrigins {
  devServerOrigin: string | null;
}

const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React and ECharts set inline style attributes; scripts stay 'self' only.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(
  ([name, value]) => `${name} ${value}`,
).join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A page we serve: our scheme, or (development only) the dev server's exact origin. */
export function isTrustedAppUrl(url: string, origins: TrustedOrigins): boolean {
  if (isAppSchemeUrl(url)) return true;
  if (!origins.devServerOrigin) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.origin === origins.devServerOrigin;
}

/** Navigation (top frame or sub-frame, redirects included) may only stay inside the app. */
export function isNavigationAllowed(url: string, origins: TrustedOrigins): boolean {
  return isTrustedAppUrl(url, origins);
}

// Schemes that never reach the network: inline data, in-memory blobs, the DevTools front end.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Whether a request from a renderer may proceed. Anything that could reach a server — http(s),
 * ws(s), ftp — is refused except the dev server (and its HMR socket) in development; file: is
 * refused too, because the app's own files come over our scheme.
 */
export function isRendererRequestAllowed(url: string, origins: TrustedOrigins): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppSchemeUrl(url)) return true;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (!origins.devServerOrigin) return false;
  const dev = parse(origins.devServerOrigin);
  if (!dev) return false;
  if (parsed.protocol === 'http:' || parsed.protocol === 'ws:') return parsed.host === dev.host;
  return false;
}

/** Response headers with our CSP in place of whatever a response said (any spelling of the name). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** Session-wide rules: run once, before the first window loads. */
export function installSessionSecurity(ses: Session, origins: TrustedOrigins): void {
  // Camera, microphone, notifications, geolocation, clipboard reads, HID/USB/serial: the
  // workbench needs none of them, so nothing asks the user and nothing is granted.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRendererRequestAllowed(details.url, origins);
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });

  // appProtocol.ts already sends the header; this keeps it on any response for our scheme
  // should a later change serve pages another way.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppSchemeUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/**
 * Per-webContents rules, applied from app 'web-contents-created' so no webContents — ours or
 * one we did not expect — escapes them.
 */
export function hardenWebContents(
  contents: WebContents,
  origins: TrustedOrigins,
  openExternal: (url: string) => Promise<boolean>,
): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, origins)) {
      console.warn(`[security] blocked navigation to ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, origins)) {
      console.warn(`[security] blocked frame navigation to ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, origins)) {
      console.warn(`[security] blocked redirect to ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // No page ever gets a second window; a link meant for the browser goes through the one
  // trusted gate, which accepts https and mailto only.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
}
