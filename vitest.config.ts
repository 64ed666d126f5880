import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the SPA in jsdom, and the BFF, sandbox and contract in node.
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    testTimeout: 20000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{server,sandbox,contract}/**/*.test.ts'],
          // After each file: no response made through the BFF test app holds a stored secret canary.
          setupFiles: ['src/server/testing/secret-scan.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{app,features,components,lib,config}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
  },
});
