import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHost, type AppHost } from '../../../src/main/appHost';
import { startWebServer, type RunningWebServer } from '../../../src/web/webServer';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';

/** A raw request, so the Host and Origin headers are exactly what the test says. */
function request(
  server: RunningWebServer,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser mode’s HTTP API', () => {
  let host: AppHost;
  let server: RunningWebServer;
  let cleanup: () => void;
  let folder: string;
  const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(server, {
      path: `/api/${method}`,
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ folder, cleanup } = tempFolder());
    const rendererDir = path.join(folder, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>page</title>');
    host = createAppHost({ mode: 'browser', workerPath: builtWorkerPath, settingsFolder: folder });
    server = await startWebServer({ host, rendererDir });
  });
  afterAll(async () => {
    await server.close();
    await host.dispose();
    cleanup();
  });

  it('serves the page at the printed URL directly (200, no redirect)', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    const page = await request(server, {
      path: new URL(server.url).pathname + new URL(server.url).search,
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>page</title>');
  });

  it('answers a valid call', async () => {
    const response = await call('app.info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).result).toMatchObject({
      mode: 'browser',
      nativeDialogs: false,
    });
  });

  it('refuses a call without the launch token (401) before looking the method up', async () => {
    const response = await request(server, { path: '/api/no.such', method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('refuses a call with a wrong token', async () => {
    const response = await call('app.info', {}, { authorization: 'Bearer wrong' });
    expect(response.status).toBe(401);
  });

  it('refuses a call from another Origin (403)', async () => {
    const response = await call('app.info', {}, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('accepts a call from its own Origin', async () => {
    const response = await call('app.info', {}, { origin: `http://127.0.0.1:${server.port}` });
    expect(response.status).toBe(200);
  });

  it('refuses any request whose Host is not the loopback address and port (DNS rebinding)', async () => {
    const page = await request(server, {
      path: '/',
      headers: { host: `evil.example:${server.port}` },
    });
    expect(page.status).toBe(421);
    const api = await call('app.info', {}, { host: 'evil.example' });
    expect(api.status).toBe(421);
  });

  it('rejects a bad input with a message naming the field', async () => {
    const response = await call('study.create', { path: 42 });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/^invalid input for study\.create: path: /),
    });
  });

  it('rejects a study path without the .cew extension', async () => {
    const response = await call('study.open', { path: '/tmp/x.sqlite' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/path: a study file ends in \.cew/);
  });

  it('answers 404 for an unknown method (with a valid token)', async () => {
    const response = await call('no.such', {});
    expect(response.status).toBe(404);
  });

  it('streams events to a page that listens', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: study.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call('study.create', { path: path.join(folder, 'events.cew') });
    expect(await received).toMatch(/"reason":"created"/);
    await call('study.close', {});
  });
});

describe('the in-process API (what the IPC handlers call)', () => {
  it('rejects a bad input with a message naming the field', async () => {
    const { folder, cleanup } = tempFolder();
    const host = createAppHost({
      mode: 'desktop',
      workerPath: builtWorkerPath,
      settingsFolder: folder,
    });
    try {
      const outcome = await host.dispatch('study.rename', { name: '' });
      expect(outcome).toEqual({
        ok: false,
        error: {
          kind: 'invalid-input',
          message: expect.stringMatching(/^invalid input for study\.rename: name: /),
        },
      });
    } finally {
      await host.dispose();
      cleanup();
    }
  });
});
