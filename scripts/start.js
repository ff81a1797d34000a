// `npm start`: build, then open the Electron window. Where the window cannot open (no Electron
// binary, no display), say why in one paragraph and serve browser mode instead.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildApp } from './build-quietly.js';
import { electronBinary, whyNoWindow } from './electron-availability.js';

const root = resolve(import.meta.dirname, '..');
buildApp(root);

const reason = whyNoWindow(root);
const child = reason
  ? (() => {
      console.error(
        `Dockside cannot open its desktop window here: ${reason}. ` +
          'It is serving the same app in browser mode instead — open the address below in your browser; ' +
          'it listens on 127.0.0.1 only and the token in the address keeps other users and web pages out. Stop it with Ctrl-C.\n',
      );
      return spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'web', ...process.argv.slice(2)], {
        cwd: root,
        stdio: 'inherit',
      });
    })()
  : spawn(electronBinary(root), [root], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
