import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA build. The BFF (src/server) serves dist/ and owns /api, so the dev
// server proxies /api to a BFF started with `npm run serve`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
