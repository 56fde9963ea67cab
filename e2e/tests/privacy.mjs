// Privacy, last: nothing Gloss did during the whole suite tried to leave the machine.
import { assert } from '../harness.mjs';

export function define(ctx, test) {
  const { driver, origin, proxy, poll } = ctx;


  // Last, after every context has been used (background, content scripts, popup, options, reader).
  // The browsers' own services (updates, remote settings, autofill) are theirs, not Gloss's: Gloss
  // has no address of any host in it, so anything else is a leak.
  const BROWSER_VENDOR = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.com|mozilla\.org|mozilla\.net|firefox\.com)$/;
  test('privacy: nothing Gloss did, in any context, tried to leave the machine during the whole suite', async () => {
    const seenDuringSuite = proxy.take();
    // Prove the recorder sees what a page asks of the network.
    const probe = await driver.openPage(`${origin}/basic.html`);
    await probe.evaluate(() => fetch('http://gloss-probe.invalid/ping').catch(() => {}));
    await poll(async () => proxy.take(), (seen) => seen.some((r) => r.url.includes('gloss-probe.invalid')), 5000, 'the probe request at the proxy').catch((e) => {
      throw new Error(`the recording proxy saw nothing: ${e.message}`);
    });
    await probe.close();
    const leaks = seenDuringSuite.filter((r) => !BROWSER_VENDOR.test(new URL(r.url).hostname));
    assert(leaks.length === 0, `requests to the network: ${leaks.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });

}
