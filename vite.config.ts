import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { EARLY_ENTRY, earlyRequestsScript } from './src/app/build/early-requests-script.js';
import { zodWithoutJsonSchema } from './src/app/build/zod-without-json-schema.js';

/** The early-requests entry's own modules (it must not wait for the app's chunk). */
const EARLY_MODULE = /[\\/]src[\\/]app[\\/]early-(entry|requests)\.ts$/;

// The SPA build. The BFF (src/server) serves dist/ and owns /api, so the dev
// server proxies /api to a BFF started with `npm run serve`.
export default defineConfig({
  plugins: [
    react(),
    // zod's JSON Schema generator stays out of the browser build: the SPA never uses it.
    zodWithoutJsonSchema(),
    // A tiny first script sends the monitor list's requests while the app loads (src/app/early-requests.ts).
    earlyRequestsScript(),
  ],
  build: {
    outDir: 'dist',
    sourcemap: true,
    emptyOutDir: true,
    // The first page is one chunk by design (below); its budget is checked gzipped, by `npm run bench`.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: { index: 'index.html', [EARLY_ENTRY]: 'src/app/early-entry.ts' },
      output: {
        codeSplitting: {
          // Everything the first page imports goes in one chunk: left to itself the bundler split
          // it into a dozen small ones (each shared with some lazy page), all fetched at once
          // anyway, and every file compresses on its own. The early script stays apart.
          groups: [{ name: 'index', tags: ['$initial'], test: (id) => !EARLY_MODULE.test(id) }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
