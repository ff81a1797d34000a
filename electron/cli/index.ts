/**
 * The `dockside` command line:
 *   dockside web [--port N]    browser mode (also `npm run web`)
 *   dockside doctor [--json]   what engines, clusters and tools this machine has, and fixes
 */
import { parseArgs, portFrom } from './args';
import { runBrowserMode } from './browser-mode';
import { messageOf } from '../core/errors';

const usage = `usage: dockside <command>

  web [--port N]      serve Dockside to your browser on 127.0.0.1 (port also from DOCKSIDE_PORT)
  doctor [--json]     find your Docker engines, clusters and tools, and say how to fix problems`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [command] = args.positional;
  switch (command) {
    case 'web': {
      const port = portFrom(args.flags.get('port'), process.env.DOCKSIDE_PORT);
      const token = process.env.DOCKSIDE_TOKEN || undefined;
      if (token !== undefined && token.length < 22) {
        // 22 base64url characters carry 128 bits; a shorter secret would guard a shell poorly.
        throw new Error('DOCKSIDE_TOKEN must be at least 22 characters (128 bits of randomness).');
      }
      await runBrowserMode({ ...(port !== undefined ? { port } : {}), ...(token ? { token } : {}) });
      return -1; // keeps running
    }
    case 'doctor': {
      // Loaded only for this command: `web` starts faster without the doctor's modules.
      const { runDoctorCli } = await import('./doctor');
      return runDoctorCli(argv.slice(1));
    }
    case undefined:
    case 'help':
      console.log(usage);
      return 0;
    default:
      console.error(`dockside: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`dockside: ${messageOf(error)}`);
    process.exit(1);
  },
);
