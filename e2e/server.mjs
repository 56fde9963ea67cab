// A static server on 127.0.0.1 for the end-to-end suites: Gloss's own fixtures under /, and the real
// pages of ../shared/pages under /shared/ (read at run time, never copied into the repository), and the
// precision set's own pages under /precision/.
// Markdown and plain-text pages become HTML through text-page.mjs, as the precision tests read them.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textPageHtml } from './text-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES = join(here, 'fixtures');
export const SHARED_PAGES = resolve(here, '../../shared/pages');
/** Pages written for the precision set (traps seen elsewhere), served under /precision/. */
export const PRECISION_PAGES = resolve(here, '../tests/precision/pages');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

/** `pages`: pages made by the caller (the benchmark's), path → HTML or { type, body }, served before any file. */
export async function startServer({ pages = new Map() } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      const made = pages.get(path);
      if (made !== undefined) {
        res.writeHead(200, { 'content-type': made.type ?? TYPES['.html'] });
        res.end(made.body ?? made);
        return;
      }
      const roots = [
        ['/shared/', SHARED_PAGES],
        ['/precision/', PRECISION_PAGES],
      ];
      const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? ['/', FIXTURES];
      const [base, rel] = [root, path.slice(prefix.length)];
      const file = normalize(join(base, rel));
      if (!file.startsWith(base)) throw new Error('outside');
      const ext = extname(file);
      const data = await readFile(file);
      if (ext === '.md' || ext === '.txt') {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        res.end(textPageHtml(data.toString('utf8'), rel, url.searchParams.get('lang')));
      } else {
        const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
        if (url.searchParams.get('csp')) headers['content-security-policy'] = url.searchParams.get('csp');
        res.writeHead(200, headers);
        res.end(data);
      }
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await /** @type {Promise<void>} */ (new Promise((r) => server.listen(0, '127.0.0.1', r)));
  // Listening on a TCP port, not a pipe: the address is an AddressInfo.
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
