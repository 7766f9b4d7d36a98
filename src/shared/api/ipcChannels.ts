/**
 * IPC channel names, kept free of any import so the sandboxed preload can bundle them alone.
 * Methods travel on `cew:<method>`; events on one channel. Preload and main allowlist by prefix.
 */
export const IPC_PREFIX = 'cew:';
export const IPC_EVENT_CHANNEL = 'cew-event';
