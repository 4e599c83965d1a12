#!/usr/bin/env node
// A tiny static file server for the browser tests, on loopback only.
//
//   node serve.mjs --root DIR [--mount /portal/]... [--port 0] [--host 127.0.0.1] [--log]
//
// Serves DIR at every mount point (always "/", plus each --mount), like a static host would:
// a directory answers with its index.html (and "/dir" redirects to "/dir/"), a missing file
// answers with DIR/404.html and status 404, and each file has its MIME type. Once listening it
// prints one line, "listening http://HOST:PORT", and it stops on SIGTERM or SIGINT.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function parseArgs(argv) {
  const options = { root: null, mounts: ['/'], port: 0, host: '127.0.0.1', log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--root') options.root = value();
    else if (arg === '--mount') options.mounts.push(value());
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--log') options.log = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.root) throw new Error('--root DIR is required');
  // "/portal", "portal/" and "/portal/" all mean the same mount; longest first, so that a
  // request is matched by its most specific mount.
  options.mounts = [...new Set(options.mounts.map((m) => `/${m.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')))]
    .sort((a, b) => b.length - a.length);
  return options;
}

async function fileAt(file) {
  try {
    const info = await stat(file);
    return info;
  } catch {
    return null;
  }
}

/** A request handler serving `root` at each of `mounts` ("/" and "/portal/" style). */
export function staticHandler(root, mounts = ['/'], log = false) {
  root = path.resolve(root);
  const notFoundPage = path.join(root, '404.html');

  async function send(req, res, status, file, info) {
    res.writeHead(status, {
      'Content-Type': mimeType(file),
      'Content-Length': info.size,
      // The folder does not change while it is served: let the browser cache it, as a static
      // host's CDN would, rather than fetch and decode every stylesheet and font on every page.
      'Cache-Control': status === 200 ? 'public, max-age=600' : 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  async function notFound(req, res) {
    const info = await fileAt(notFoundPage);
    if (info?.isFile()) return send(req, res, 404, notFoundPage, info);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
  }

  function plain(res, status, text, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(`${text}\n`);
  }

  return async function handle(req, res) {
    const started = Date.now();
    res.on('finish', () => {
      if (log) console.error(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started} ms`);
    });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      }
      const url = new URL(req.url, 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return plain(res, 400, 'Bad request');
      }
      if (pathname.includes('\0') || pathname.split('/').includes('..')) return plain(res, 400, 'Bad request');

      // "/portal" (no slash) is the mount's own folder: send the browser to "/portal/".
      const bare = mounts.find((m) => m !== '/' && pathname === m.slice(0, -1));
      if (bare) return plain(res, 301, 'Moved', { Location: `${bare}${url.search}` });
      const mount = mounts.find((m) => pathname.startsWith(m));
      if (!mount) return notFound(req, res);

      const file = path.join(root, pathname.slice(mount.length));
      if (file !== root && !file.startsWith(root + path.sep)) return plain(res, 400, 'Bad request');
      const info = await fileAt(file);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          return plain(res, 301, 'Moved', { Location: `${url.pathname}/${url.search}` });
        }
        const index = path.join(file, 'index.html');
        const indexInfo = await fileAt(index);
        if (indexInfo?.isFile()) return send(req, res, 200, index, indexInfo);
        return notFound(req, res);
      }
      if (info?.isFile() && !pathname.endsWith('/')) return send(req, res, 200, file, info);
      return notFound(req, res);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) plain(res, 500, 'Internal server error');
      else res.destroy();
    }
  };
}

/** Starts a server; resolves to { server, origin } once it listens. */
export function serve({ root, mounts = ['/'], port = 0, host = '127.0.0.1', log = false }) {
  const server = createServer(staticHandler(root, mounts, log));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, origin: `http://${host}:${address.port}` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    await readFile(path.join(options.root, 'index.html')).catch(() => {
      throw new Error(`${options.root} has no index.html: build the site first`);
    });
  } catch (error) {
    console.error(`serve.mjs: ${error.message}`);
    process.exit(2);
  }
  const { server, origin } = await serve(options);
  console.log(`listening ${origin}`);
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}
