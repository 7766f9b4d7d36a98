/**
 * One build for every way the workbench runs: the Electron main process, the CLI, browser mode
 * and the study worker are entries of the main build (the worker bundle is shared by all of them
 * and by the tests); preload is one CommonJS bundle; the renderer is the same React app in
 * Electron and in the browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          cli: resolve(__dirname, 'src/cli/main.ts'),
          web: resolve(__dirname, 'src/web/main.ts'),
          studyWorker: resolve(__dirname, 'src/main/worker/studyWorker.ts'),
        },
        // Shared chunks beside the entries, so __dirname is out/main everywhere and
        // studyWorker.js is found from any of them.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
