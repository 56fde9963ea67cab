// End to end: knowledge packs as a reader uses them. A pack built from a fixture folder by `npm run pack` (gzipped, as
// an author shares it) is installed from the options page, and its facts appear on cards on a web page, cited and named
// by their pack (an entry the bundled pack has too shows both sets); a newer release dropped on the page replaces it;
// files that are no pack, or were changed, are refused; switched off, the pack leaves the open page; removed, it is
// gone. Listed in e2e/suite.mjs.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageMarks } from '../page.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PACK_FOLDER = join(root, 'tests/fixtures/pack-mekong');
const PACK_TITLE = 'Mekong notes (test pack)';
const LMC = 'Lancang-Mekong Cooperation';

/** Builds a folder into a pack file with the repository's own command, as a pack's author does (`options`: --gzip). */
function buildPackFile(folder, out, options = []) {
  const result = spawnSync('npx', ['tsx', 'scripts/pack.ts', folder, '--out', out, ...options], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run pack failed: ${result.stderr}`);
  return out;
}

/** The fixture folder's next release (tests/fixtures/pack-mekong-next.json), built. */
async function buildNextRelease(dir) {
  const folder = join(dir, 'next');
  await cp(PACK_FOLDER, folder, { recursive: true });
  const { edits } = JSON.parse(await readFile(join(root, 'tests/fixtures/pack-mekong-next.json'), 'utf8'));
  for (const [file, pairs] of Object.entries(edits)) {
    const text = await readFile(join(folder, file), 'utf8');
    await writeFile(
      join(folder, file),
      pairs.reduce((t, [from, to]) => t.replace(from, to), text),
    );
  }
  return buildPackFile(folder, join(dir, 'mekong-notes-1.1.0.gloss'));
}

// ── Helpers that run in the pages ────────────────────────────────────────────────────────────────

/** What the options page shows of the packs. */
function packsView() {
  const list = document.querySelector('section.knowledge-packs .items');
  return {
    packs: list
      ? [...list.querySelectorAll('li')].map((li) => ({
          id: li.dataset.id,
          title: li.querySelector('strong').textContent,
          on: /** @type {HTMLInputElement} */ (li.querySelector('input[name="enabled"]')).checked,
          meta: li.querySelector('.meta').textContent,
        }))
      : null,
    status: document.querySelector('.install-pack [role="status"]')?.textContent ?? null,
    alert: document.querySelector('.install-pack [role="alert"]')?.textContent ?? null,
    job: document.querySelector('.install-pack .job-stage')?.textContent ?? null,
  };
}

/** Drops a file made of `text` on the pack form, as a file dragged from a folder arrives. */
function dropPack({ text, name }) {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  document
    .querySelector('.install-pack .dropzone')
    .dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
}

/** A card's facts as a reader reads them, pack by pack. */
function pageCardPacks(host) {
  const card = document.querySelector(host)?.shadowRoot?.querySelector('.card[aria-busy="false"]');
  if (!card || card.closest('[hidden]')) return null;
  return {
    name: card.querySelector('.name').textContent,
    label: card.querySelector('.label a.cite')?.textContent,
    groups: [...card.querySelectorAll('.pack-facts')].map((g) => ({
      pack: g.querySelector('.pack-name')?.textContent,
      facts: [...g.querySelectorAll('.facts li q')].map((q) => q.textContent),
      cites: [...g.querySelectorAll('a.cite')].map((a) => a.textContent),
    })),
    alsoIn: [...card.querySelectorAll('.also-in.in-pack h3')].map((h) => h.textContent),
  };
}

export function define({ driver, origin, hover, cardClosed, clickOption: click }, test) {
  /**
   * The card of `phrase` once `until` holds of it, read pack by pack; then closed with Esc.
   * @param {import('../drivers.mjs').DriverPage} page
   * @param {string} phrase
   * @param {(card: ReturnType<typeof pageCardPacks>) => boolean} [until]
   */
  const cardOf = async (page, phrase, until = () => true) => {
    await hover(page, phrase);
    const card = await page.waitFor(pageCardPacks, HOST, (c) => c?.name === phrase && until(c), 5000);
    await page.key('Escape');
    await cardClosed(page);
    return card;
  };
  const outcome = (options, timeout = 30000) =>
    options.waitFor(packsView, undefined, (v) => v.status || v.alert, timeout);
  /** Installs the file at `path` from the picker; the page's view once it says what happened. */
  const installFile = async (options, path) => {
    await options.chooseFile('input[name="pack"]', path);
    await click(options, '.install-pack button[type="submit"]');
    return outcome(options);
  };
  const dropAndInstall = async (options, text, name) => {
    await options.evaluate(dropPack, { text, name });
    await options.waitFor(
      () => document.querySelector('.install-pack .hint')?.textContent,
      undefined,
      (t) => t?.includes(name),
      5000,
    );
    await click(options, '.install-pack button[type="submit"]');
    return outcome(options);
  };

  test('knowledge packs: install a pack built from a folder (gzipped) → cards cite it → update by drag and drop → bad files refused → switch off → remove', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-packs-'));
    const options = await driver.openExtensionPage('/options.html');
    try {
      // The first release as an author shares it, compressed; the next one as plain JSON.
      const first = buildPackFile(PACK_FOLDER, join(dir, 'mekong-notes-1.0.0.gloss'), ['--gzip']);
      const next = await buildNextRelease(dir);
      const listed = await options.waitFor(packsView, undefined, (v) => v.packs?.length === 1, 8000);
      assert(listed.packs[0].title === 'China–Vietnam relations' && listed.packs[0].on, JSON.stringify(listed));

      const installed = await installFile(options, first);
      assert(
        installed.status === `Installed “${PACK_TITLE}” 1.0.0: 2 documents, 2 entries.`,
        JSON.stringify(installed),
      );
      const both = await options.waitFor(packsView, undefined, (v) => v.packs?.length === 2, 8000);
      assert(
        both.packs[1].meta ===
          "1.0.0 · by Gloss tests · 2 documents, 2 entries · Written for Gloss's tests; free to use.",
        JSON.stringify(both.packs),
      );

      // A web page: the pack's entry is marked, and its card cites the pack's document under the pack's name.
      const page = await driver.openPage(`${origin}/packs.html`);
      await page.waitFor(
        pageMarks,
        HIGHLIGHT,
        (m) => Array.isArray(m) && m.includes(LMC) && m.includes('Xi Jinping'),
        8000,
      );
      // The pack's only fact of it quotes the label's own sentence: the card says it once, as the label.
      const lmc = await cardOf(page, LMC);
      assert(
        lmc.label === 'Mekong Notes · undated · ¶ 2' &&
          lmc.groups.length === 0 &&
          lmc.alsoIn[0] === `Also in “${PACK_TITLE}”`,
        JSON.stringify(lmc),
      );
      // Xi Jinping is in both packs: one card, both sets of facts, each under its pack.
      const xi = await cardOf(page, 'Xi Jinping');
      assert(
        JSON.stringify(xi.groups.map((g) => g.pack)) ===
          JSON.stringify(['From “China–Vietnam relations”', `From “${PACK_TITLE}”`]),
        JSON.stringify(xi.groups),
      );
      assert(xi.groups[1].facts[0].startsWith('Xi Jinping was named in the forum'), JSON.stringify(xi.groups[1]));

      // A newer release, dropped on the page, replaces it; the open page's card follows.
      await options.front();
      const updated = await dropAndInstall(options, await readFile(next, 'utf8'), 'mekong-notes-1.1.0.gloss');
      assert(
        updated.status === `Updated “${PACK_TITLE}” from 1.0.0 to 1.1.0: 2 documents, 2 entries.`,
        JSON.stringify(updated),
      );
      await page.front();
      // The new fact, cited under its pack; the one that quotes the label's sentence stays off the card.
      const newer = await cardOf(page, LMC, (c) => c.groups.length === 1);
      assert(
        newer.groups[0].pack === `From “${PACK_TITLE}”` &&
          JSON.stringify(newer.groups[0].facts) ===
            JSON.stringify(['The Lancang-Mekong Cooperation held a meeting on water data that week.']) &&
          newer.groups[0].cites[0] === 'Delta Diary · undated · ¶ 3',
        JSON.stringify(newer),
      );

      // Files that are no pack, or that were changed after they were built, are refused; nothing changes.
      await options.front();
      const notPack = await dropAndInstall(options, 'Some notes, not a pack.', 'notes.gloss');
      assert(
        notPack.alert === 'This file is not a Gloss pack (a .gloss file, made by npm run pack): nothing was changed.',
        JSON.stringify(notPack),
      );
      const changed = (await readFile(next, 'utf8')).replace('six countries', 'seven countries');
      const tampered = await dropAndInstall(options, changed.replace('"1.1.0"', '"1.2.0"'), 'mekong-notes-1.2.0.gloss');
      assert(
        tampered.alert ===
          'The pack’s contents do not match its hash: it was changed or damaged after it was built. Nothing was changed.',
        JSON.stringify(tampered),
      );
      assert((await options.evaluate(packsView)).packs[1].meta.startsWith('1.1.0 · '), 'the installed release stayed');

      // Switched off, it leaves the open page and its cards; the bundled pack's entries stay.
      await click(options, 'li[data-id="mekong-notes"] input[name="enabled"]');
      const off = await outcome(options);
      assert(
        off.status === `“${PACK_TITLE}” is off: no card, search or page reads it until it is on again.`,
        JSON.stringify(off),
      );
      await page.front();
      await page.waitFor(
        pageMarks,
        HIGHLIGHT,
        (m) => Array.isArray(m) && m.includes('Xi Jinping') && !m.includes(LMC),
        8000,
      );
      const xiAlone = await cardOf(page, 'Xi Jinping', (c) => c.groups.length === 1);
      // Gloss's own pack alone speaks: its facts need no heading.
      assert(xiAlone.groups[0].pack === undefined && xiAlone.groups[0].facts.length > 0, JSON.stringify(xiAlone));
      await page.close();

      // Removed: gone from the list.
      await options.front();
      await click(options, 'li[data-id="mekong-notes"] button');
      await click(options, 'li[data-id="mekong-notes"] button.danger');
      const removed = await options.waitFor(
        packsView,
        undefined,
        (v) => v.status?.startsWith('Removed') && v.packs?.length === 1,
        15000,
      );
      assert(removed.status === `Removed “${PACK_TITLE}”.`, JSON.stringify(removed));
    } finally {
      // Whatever happened, the next test meets the bundled pack alone.
      if (
        await options
          .evaluate(() => !!document.querySelector('li[data-id="mekong-notes"] button:not([disabled])'))
          .catch(() => false)
      ) {
        await click(options, 'li[data-id="mekong-notes"] button');
        await click(options, 'li[data-id="mekong-notes"] button.danger');
        await options.waitFor(packsView, undefined, (v) => v.packs?.length === 1, 15000).catch(() => {});
      }
      await options.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
