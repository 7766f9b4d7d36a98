/**
 * `npm run web`: starts the workbench for a browser. Prints exactly one line — the URL with the
 * launch token — and keeps serving until interrupted; closing checkpoints the open study.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppHost } from '../main/appHost';
import { startWebServer } from './webServer';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port: ${values.port} is not a port number`);
  }
  const host = createAppHost({ mode: 'browser' });
  const server = await startWebServer({
    host,
    port,
    rendererDir: path.join(__dirname, '..', 'renderer'),
  });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write('Open the address above in your browser. Press Ctrl+C to stop.\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await host.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`cew web: ${(error as Error).message}\n`);
  process.exit(1);
});
