import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // module workers that split code (the io workers load ExcelJS only when they need it)
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto']
  }
});
