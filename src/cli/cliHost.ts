/** Runs one CLI command against a study through the same session and worker the app uses. */
import { createAppHost, type AppHost } from '../main/appHost';

export async function withHost<T>(run: (host: AppHost) => Promise<T>): Promise<T> {
  const host = createAppHost({ mode: 'browser' });
  try {
    return await run(host);
  } finally {
    await host.dispose();
  }
}
