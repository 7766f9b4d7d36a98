/**
 * The single trusted entry point to shell.openExternal. Handing the OS an arbitrary URL can run
 * a local program (file:, smb:, custom protocol handlers), so only https links and mailto
 * addresses pass, parsed with URL and re-serialised; everything else is refused and logged.
 * No other module may call shell.openExternal.
 */
import { shell } from 'electron';

export type ExternalUrlDecision =
  { allowed: true; url: string } | { allowed: false; reason: string };

const MAX_URL_LENGTH = 2048;

/** Pure: whether `raw` may be handed to the OS, and the normalised URL to hand over. */
export function decideExternalUrl(raw: unknown): ExternalUrlDecision {
  if (typeof raw !== 'string') return { allowed: false, reason: 'not a string' };
  if (raw.length > MAX_URL_LENGTH) return { allowed: false, reason: 'longer than 2048 characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a valid URL' };
  }
  if (url.protocol === 'mailto:') {
    if (url.pathname === '') return { allowed: false, reason: 'mailto without an address' };
    return { allowed: true, url: url.href };
  }
  if (url.protocol !== 'https:')
    return { allowed: false, reason: `scheme ${url.protocol} refused` };
  // user:password@host hides the real host from a reader and leaks a secret to the browser.
  if (url.username || url.password) return { allowed: false, reason: 'credentials in URL' };
  if (url.hostname === '') return { allowed: false, reason: 'no host' };
  return { allowed: true, url: url.href };
}

/** Opens an allowed URL in the user's browser or mail client; resolves false when refused or failed. */
export async function safeOpenExternal(raw: unknown): Promise<boolean> {
  const decision = decideExternalUrl(raw);
  if (!decision.allowed) {
    console.warn(
      `[security] refused to open externally (${decision.reason}): ${String(raw).slice(0, 200)}`,
    );
    return false;
  }
  try {
    await shell.openExternal(decision.url);
    return true;
  } catch (error) {
    console.warn(`[security] openExternal failed for ${decision.url}: ${String(error)}`);
    return false;
  }
}
