/**
 * api-roundtrip: one API method call (study.describe) through the study worker and back, both
 * in-process (the dispatcher the IPC handlers call) and over HTTP (browser mode). Electron IPC
 * cannot run on the build machines, so it is not measured here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppHost } from '../../../main/appHost';
import { startWebServer } from '../../../web/webServer';
import { measure, type BenchResult } from '../benchTiming';

const CALLS = 500;

export async function apiRoundtrip(report: (result: BenchResult) => void): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-api-'));
  const host = createAppHost({ mode: 'browser', settingsFolder: folder });
  try {
    await host.session.create(path.join(folder, 'bench.cew'));
    report(
      await measure('api-roundtrip/in-process', CALLS, async () => {
        const outcome = await host.dispatch('study.describe', {});
        if (!outcome.ok) throw new Error(outcome.error.message);
      }),
    );
    const server = await startWebServer({ host, rendererDir: folder });
    try {
      const url = `http://127.0.0.1:${server.port}/api/study.describe`;
      report(
        await measure('api-roundtrip/http', CALLS, async () => {
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${server.token}`,
              'content-type': 'application/json',
            },
            body: '{}',
          });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          await response.json();
        }),
      );
    } finally {
      await server.close();
    }
  } finally {
    await host.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}
