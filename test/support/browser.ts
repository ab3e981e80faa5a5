// Launches headless Chromium for the browser tests, and serves dist/ on loopback.
// The browser comes from npm (@sparticuz/chromium ships the binary), so a fresh
// machine needs nothing else; Debian's /usr/bin/chromium is the fallback.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Flags that keep Chromium off the network this machine does not have. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
];

export async function launchBrowser(): Promise<Browser> {
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    return await chromium.launch({
      executablePath: await sparticuz.executablePath(),
      // --single-process (meant for AWS Lambda) ends the browser with its first closed page.
      args: [...sparticuz.args.filter((a: string) => a !== '--single-process'), ...QUIET],
    });
  } catch (err) {
    if (!existsSync('/usr/bin/chromium')) throw err;
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', ...QUIET] });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves a folder on 127.0.0.1 at a free port; pages may also be given inline. */
export async function serve(root: string, pages: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' });
      res.end(pages[path]);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}
