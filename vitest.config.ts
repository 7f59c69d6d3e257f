import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: `unit` (the pure rules of common/), `db` (the server against a real database:
// in-process PGlite, or PostgreSQL with TEST_DATABASE_URL) and `web` (the web app's kit and pages
// in jsdom with Testing Library). `npm test` runs all three; `npm run test:db` only the database ones.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['common/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'db', include: ['server/src/**/*.test.ts'] } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['web/src/test/setup.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
