// Launcher for scripts/check-service.ts (`npm run check:service -- <file>`). Node 20 cannot run
// TypeScript and the domain uses extensionless imports, so Vite's module runner (`runnerImport`,
// already a dev dependency) transforms and loads it; no config file or plugin is involved.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./check-service.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(entry, { root, logLevel: 'silent' });
process.exitCode = module.main(process.argv.slice(2));
