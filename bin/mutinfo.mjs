#!/usr/bin/env node
// Launcher of the `mutinfo` command; the CLI itself is bundled in dist/cli.mjs.
let cli;
try {
  cli = await import('../dist/cli.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli.mjs')) throw e;
  process.stderr.write('mutinfo: dist/cli.mjs is missing; run `npm run build` first\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
