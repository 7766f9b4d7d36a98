/**
 * Browser mode: the same renderer and the same API as the desktop app, served on 127.0.0.1 only.
 * Pages and assets are static files from the renderer build; methods are POST /api/<method> with a
 * JSON body; events stream over one EventSource (an idle page makes no requests).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppHost } from '../main/appHost';
import { checkApiAccess, checkHost } from './webSecurity';

const MAX_BODY_BYTES = 4 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface WebServerOptions {
  host: AppHost;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { error: { kind: 'unavailable', message } });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const STATUS_BY_KIND = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  unavailable: 409,
  cancelled: 409,
  failed: 500,
} as const;

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.host.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  async function serveStatic(url: URL, response: ServerResponse): Promise<void> {
    const relative =
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    eventStreams.add(response);
    request.on('close', () => eventStreams.delete(response));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hostRefusal = checkHost(request, port);
    if (hostRefusal) return refuse(response, hostRefusal.status, hostRefusal.message);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return refuse(response, 405, 'only GET here');
      return serveStatic(url, response);
    }
    const accessRefusal = checkApiAccess(request, url, token, port);
    if (accessRefusal) return refuse(response, accessRefusal.status, accessRefusal.message);
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events') {
      if (request.method !== 'GET') return refuse(response, 405, 'events are read with GET');
      return openEventStream(request, response);
    }
    if (request.method !== 'POST') return refuse(response, 405, 'API methods are called with POST');
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
    } catch (error) {
      return sendJson(response, 400, {
        error: {
          kind: 'invalid-input',
          message: `the request body is not JSON: ${(error as Error).message}`,
        },
      });
    }
    const outcome = await options.host.dispatch(name, input);
    if (outcome.ok) return sendJson(response, 200, { result: outcome.result ?? null });
    return sendJson(response, STATUS_BY_KIND[outcome.error.kind], { error: outcome.error });
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, (error as Error).message);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
