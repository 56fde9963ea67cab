// Privacy, last: nothing Gloss did during the whole suite tried to leave the machine.
import { assert } from '../harness.mjs';

export function define(ctx, test) {
  const { driver, origin, proxy, poll } = ctx;

  // Last, after every context has been used (background, content scripts, popup, options, source
  // viewer). The browsers' own services are theirs, not Gloss's, and are named here by the exact
  // requests they were seen to make on these machines (Gloss has no address of any host in it):
  // anything else is a leak. HTTPS shows only as the CONNECT to its host.
  const BROWSER_SERVICES = [
    // Chromium's component updater (its own components, e.g. certificate lists) and where it
    // downloads them from, its account check, and its autofill field classification (asked when a
    // page with a form loads: the options page has forms).
    { method: 'CONNECT', url: /^https:\/\/update\.googleapis\.com:443$/ },
    { method: 'POST', url: /^http:\/\/update\.googleapis\.com\/service\/update2\/json\?/ },
    { method: 'CONNECT', url: /^https:\/\/redirector\.gvt1\.com:443$/ },
    { method: 'CONNECT', url: /^https:\/\/accounts\.google\.com:443$/ },
    { method: 'CONNECT', url: /^https:\/\/content-autofill\.googleapis\.com:443$/ },
    // Firefox's Remote Settings (blocklists, certificate revocations).
    { method: 'CONNECT', url: /^https:\/\/firefox\.settings\.services\.mozilla\.com:443$/ },
  ];
  const isBrowserService = (r) => BROWSER_SERVICES.some((s) => s.method === r.method && s.url.test(r.url));
  test('privacy: nothing Gloss did, in any context, tried to leave the machine during the whole suite', async () => {
    const seenDuringSuite = proxy.take();
    // Prove the recorder sees what a page asks of the network.
    const probe = await driver.openPage(`${origin}/basic.html`);
    await probe.evaluate(() => fetch('http://gloss-probe.invalid/ping').catch(() => {}));
    await poll(
      async () => proxy.take(),
      (seen) => seen.some((r) => r.url.includes('gloss-probe.invalid')),
      5000,
      'the probe request at the proxy',
    ).catch((e) => {
      throw new Error(`the recording proxy saw nothing: ${e.message}`);
    });
    await probe.close();
    const leaks = seenDuringSuite.filter((r) => !isBrowserService(r));
    assert(leaks.length === 0, `requests to the network: ${leaks.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });
}
