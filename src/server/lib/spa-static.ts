import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

/**
 * Serves the built SPA: files from `root`, index.html for every other GET
 * (client-side routes). Hashed files under /assets are cached for a year;
 * index.html is revalidated every time so a new build is picked up.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file under root for a URL path, or null if it would escape root. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export function createSpaHandler(staticDir: string) {
  const root = path.resolve(staticDir);
  return async (c: Context): Promise<Response> => {
    const urlPath = c.req.path;
    const file = resolveUnder(root, urlPath);
    const isAsset = urlPath.startsWith('/assets/');
    if (file && (await isFile(file))) {
      const ext = path.extname(file).toLowerCase();
      const cache = isAsset ? 'public, max-age=31536000, immutable' : ext === '.html' ? 'no-cache' : 'public, max-age=3600';
      return send(c, file, TYPES[ext] ?? 'application/octet-stream', cache);
    }
    // A missing hashed asset is a real 404; anything else is a client route.
    const index = path.join(root, 'index.html');
    if (isAsset || path.extname(urlPath) !== '' || !(await isFile(index))) {
      return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    }
    return send(c, index, TYPES['.html'] as string, 'no-cache');
  };
}

async function send(c: Context, file: string, type: string, cache: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': cache };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = HTML_CSP;
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(new Uint8Array(await readFile(file)), 200, headers);
}
