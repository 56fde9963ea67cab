// A static server on 127.0.0.1 for the end-to-end suites: Gloss's own fixtures under /, and the real
// pages of ../shared/pages under /shared/ (read at run time, never copied into the repository).
// Markdown and plain-text pages are wrapped in minimal HTML, one <p> per paragraph, text escaped.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES = join(here, 'fixtures');
export const SHARED_PAGES = resolve(here, '../../shared/pages');

const TYPES = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Plain text or Markdown as a page: `lang` from ?lang=, none by default (Gloss must tell by the text). */
function wrapText(text, title, lang) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const body = paragraphs.map((p) => `<p>${escape(p.replace(/^#+\s*/, ''))}</p>`).join('\n');
  return `<!doctype html><html${lang ? ` lang="${escape(lang)}"` : ''}><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${body}</body></html>`;
}

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
      const [base, rel] = path.startsWith('/shared/') ? [SHARED_PAGES, path.slice('/shared/'.length)] : [FIXTURES, path.slice(1)];
      const file = normalize(join(base, rel));
      if (!file.startsWith(base)) throw new Error('outside');
      const ext = extname(file);
      const data = await readFile(file);
      if (ext === '.md' || ext === '.txt') {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        res.end(wrapText(data.toString('utf8'), rel, url.searchParams.get('lang')));
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
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
