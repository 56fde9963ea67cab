// A recording proxy: both browsers send every request for a host other than the loopback through it
// (loopback — the test servers — is never proxied), and it answers none of them. What it records is
// what left, or tried to leave, the machine.
import { createServer } from 'node:http';

export async function startRecordingProxy() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('blocked by the Gloss test proxy');
  });
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: `https://${req.url}` });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await /** @type {Promise<void>} */ (new Promise((r) => server.listen(0, '127.0.0.1', r)));
  return {
    // Listening on a TCP port, not a pipe: the address is an AddressInfo.
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    /** Requests seen since the last call, and forget them. */
    take: () => seen.splice(0),
    close: () => new Promise((r) => server.close(r)),
  };
}
