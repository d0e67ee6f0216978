// Launcher for scripts/check-cases.ts (`npm run check:credit|service|selling -- <file>`). Node 20
// cannot run TypeScript and the domain uses extensionless imports, so Vite's module runner
// (`runnerImport`, already a dev dependency) transforms and loads it; no config file or plugin.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./check-cases.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(entry, { root, logLevel: 'silent' });
const [area, ...args] = process.argv.slice(2);
process.exitCode = module.main(area, args);
