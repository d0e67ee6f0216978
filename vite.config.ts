import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { splitMessages } from './scripts/split-messages.js';

export default defineConfig({
  // splitMessages: one chunk of messages per language (src/lib/i18n/load.ts)
  plugins: [splitMessages(), sveltekit()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // module workers that split code (the io workers load ExcelJS only when they need it)
  worker: { format: 'es', plugins: () => [splitMessages()] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // both languages' messages, synchronously (the page loads one at a time)
    setupFiles: ['fake-indexeddb/auto', './src/lib/i18n/all-messages.ts']
  }
});
