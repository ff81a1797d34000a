// `npm run web`: build, then serve browser mode (arguments pass through, e.g. `-- --port 4000`).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildApp } from './build-quietly.js';

const root = resolve(import.meta.dirname, '..');
buildApp(root);
const child = spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'web', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
