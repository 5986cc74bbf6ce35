import { defineConfig } from 'vitest/config';

// Browser and server tests start real processes: give them room, and run
// files one or two at a time, since CI machines have two cores.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
