// The options page: preferences applied at once in open tabs, the reader's documents and entries, backup.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageMarks } from '../page.mjs';

export function define(ctx, test) {
  const {
    driver,
    origin,
    marksOf,
    hover,
    readyCard,
    cardClosed,
    noCardOpens,
    storePreferences,
    clickOption,
    deleteListed,
  } = ctx;
  // ── The options page ────────────────────────────────────────────────────────────────────────────
  test('options: the privacy policy is one click away, in the extension, and says nothing leaves the browser', async () => {
    const options = await driver.openExtensionPage('/options.html');
    // Once the preferences and every list have been read (the packs' last), the footer stays where it is.
    const settled = () =>
      !!document.querySelector('.user-entries .entries, .user-entries .empty') &&
      !!document.querySelector('.knowledge-packs li') &&
      !!document.querySelector('input[name="hoverDelayMs"]');
    await options.waitFor(settled, undefined, Boolean, 8000);
    await clickOption(options, '.options-footer a');
    // The click opened it in a new tab (asked of the tabs API: Firefox's WebDriver BiDi does not
    // always report a tab an extension page opens); its text is then read in a tab of the test's own.
    // A tab still loading has its address in Chrome's pendingUrl, its url empty.
    const openedTabs = () =>
      (globalThis.browser ?? globalThis.chrome).tabs
        .query({})
        .then((tabs) => tabs.map((tab) => tab.url || tab.pendingUrl || ''));
    await options.waitFor(openedTabs, undefined, (urls) => urls.some((url) => url.endsWith('/privacy.html')), 5000);
    const policy = await driver.openExtensionPage('/privacy.html');
    const text = await policy.waitFor(
      () => /** @type {HTMLElement} */ (document.querySelector('.privacy'))?.innerText ?? '',
      undefined,
      (t) => t.includes('sends nothing'),
      5000,
    );
    assert(await policy.evaluate(() => document.title === 'Gloss privacy policy'), 'the tab is titled as the policy');
    for (const permission of ['Storage', 'Context menus', 'Access to the sites'])
      assert(text.includes(permission), `it explains ${permission}`);
    await policy.close();
    await options.close();
  });

  test('options: every control stays in its column, and a button that cannot be used looks it', async () => {
    const options = await driver.openExtensionPage('/options.html');
    await options.waitFor(
      () => !!document.querySelector('.user-entries .entries, .user-entries .empty'),
      undefined,
      Boolean,
      5000,
    );
    const look = await options.evaluate(() => {
      const fields = /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>} */ (
        document.querySelectorAll('.field > input, .field > select, .field > textarea')
      );
      const overflowing = [...fields]
        .filter((el) => el.getBoundingClientRect().right > el.parentElement.getBoundingClientRect().right + 0.5)
        .map((el) => el.name);
      const disabled = /** @type {HTMLButtonElement} */ (document.querySelector('.entry-form button[type="submit"]'));
      const enabled = document.querySelector('button.export');
      return {
        overflowing,
        disabled: disabled.disabled,
        dim: Number(getComputedStyle(disabled).opacity),
        bright: Number(getComputedStyle(enabled).opacity),
        wide: document.documentElement.scrollWidth > innerWidth,
      };
    });
    assert(look.overflowing.length === 0 && !look.wide, `controls past their column: ${look.overflowing.join(', ')}`);
    assert(look.disabled && look.dim <= 0.6 && look.bright === 1, JSON.stringify(look));
    await options.close();
  });

  /** Puts the keyboard on the delay slider, as Tab does. */
  const focusDelay = async (options) => {
    await options.front();
    await options.waitFor(() => !!document.querySelector('input[name="hoverDelayMs"]'), undefined, Boolean, 5000);
    await options.evaluate(() =>
      /** @type {HTMLInputElement} */ (document.querySelector('input[name="hoverDelayMs"]')).focus(),
    );
    await options.waitFor(
      () => document.activeElement?.getAttribute('name') === 'hoverDelayMs',
      undefined,
      Boolean,
      3000,
    );
  };

  test('options: a slower hover delay and the Alt trigger change behaviour in a tab already open', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    try {
      // The reader moves the delay slider to its slowest, 1.5 s, from the keyboard.
      await focusDelay(options);
      await options.key('End');
      await options.waitFor(
        async () => {
          const { preferences } = await (globalThis.browser ?? globalThis.chrome).storage.local.get('preferences');
          return /** @type {{ hoverDelayMs?: number } | undefined} */ (preferences)?.hoverDelayMs;
        },
        undefined,
        (d) => d === 1500,
        5000,
      );
      assert(
        (await options.evaluate(() => document.querySelector('.delay output')?.textContent)) === '1.50 s',
        'the delay reads in seconds',
      );
      await page.front();
      await hover(page, 'Belt and');
      // Past the old dwell, and short of the new delay: no card yet.
      await noCardOpens(page);
      await readyCard(page, 'Belt and Road Initiative');
      await page.key('Escape');
      await cardClosed(page);

      // Cards only while Alt is held (and back to a short delay).
      await options.front();
      await clickOption(options, 'input[name="cardTrigger"][value="alt"]');
      await focusDelay(options);
      await options.key('Home');
      await options.key('ArrowRight');
      await options.key('ArrowRight');
      await options.waitFor(
        async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('preferences')).preferences,
        undefined,
        (p) => p?.cardTrigger === 'alt' && p.hoverDelayMs === 100,
        5000,
      );
      await page.front();
      await hover(page, 'Nguyen Phu Trong');
      await noCardOpens(page, 100);
      await page.keyDown('Alt');
      await readyCard(page, 'Nguyen Phu Trong');
      await page.keyUp('Alt');
    } finally {
      await storePreferences(null);
    }
    await options.close();
    await page.close();
  });

  test('options: the mark style and the theme change at once in a tab already open', async () => {
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    try {
      await clickOption(options, 'input[name="markStyle"][value="tint"]');
      const tinted = await page.waitFor(pageMarks, 'gloss-term-tint', (m) => Array.isArray(m) && m.length > 0, 5000);
      assert(tinted.includes('Nguyen Phu Trong'), tinted.join(' | '));
      assert((await page.evaluate(pageMarks, HIGHLIGHT)) === null, 'the underline highlight is gone');
      // The theme opposite to the browser's own scheme wins on the card.
      const [theme, background] =
        driver.colorScheme === 'dark' ? ['light', 'rgb(255, 255, 255)'] : ['dark', 'rgb(28, 33, 40)'];
      await clickOption(options, `input[name="theme"][value="${theme}"]`);
      await options.waitFor(
        () => document.documentElement.dataset.theme,
        undefined,
        (t) => t === theme,
        5000,
      );
      await page.front();
      await hover(page, 'Nguyen Phu Trong');
      await readyCard(page, 'Nguyen Phu Trong');
      const shown = await page.evaluate(
        (host) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector('.card')).backgroundColor,
        HOST,
      );
      assert(shown === background, `card background ${shown} with the ${theme} theme`);
    } finally {
      await storePreferences(null);
    }
    await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.length > 0, 5000);
    await options.close();
    await page.close();
  });

  test('options: an imported document is cited on cards; a bad file changes nothing; delete removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-import-'));
    const notes = join(dir, 'seminar-notes.md');
    await writeFile(
      notes,
      '# Seminar notes\n\nThe Regional Comprehensive Economic Partnership (**RCEP**) came up twice at the seminar.\n',
    );
    const image = join(dir, 'photo.png');
    await writeFile(
      image,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    const page = await driver.openPage(`${origin}/basic.html`);
    await marksOf(page);
    const options = await driver.openExtensionPage('/options.html');
    const listed = () => [...document.querySelectorAll('.documents li')].map((li) => li.querySelector('a').textContent);
    try {
      await options.waitFor(() => !!document.querySelector('input[type="file"]'), undefined, Boolean, 5000);
      await options.chooseFile('input[type="file"]', notes);
      await clickOption(options, 'input[name="outlet"]');
      await options.typeText('My notebook');
      await clickOption(options, '.import button[type="submit"]');
      const added = await options.waitFor(
        () => document.querySelector('.import [role="status"]')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      assert(added.startsWith('Added “Seminar notes”: 2 paragraphs'), added);
      assert(JSON.stringify(await options.evaluate(listed)) === '["Seminar notes"]', 'the document is listed');

      // A tab that was already open cites the new document on the card of a term it names.
      await page.front();
      await hover(page, 'RCEP');
      await readyCard(page, 'Regional Comprehensive Economic Partnership');
      const yours = await page.waitFor(
        (host) => {
          const section = document.querySelector(host).shadowRoot.querySelector('.yours');
          return (
            section && {
              title: section.querySelector('.also-title').textContent,
              cite: section.querySelector('a.cite').textContent,
            }
          );
        },
        HOST,
        Boolean,
        5000,
      );
      assert(yours.title === 'Seminar notes' && yours.cite === 'My notebook · undated · ¶ 2', JSON.stringify(yours));
      const at = await page.evaluate((host) => {
        const r = document.querySelector(host).shadowRoot.querySelector('.yours a.cite').getClientRects()[0];
        return { x: r.left + 10, y: r.top + r.height / 2 };
      }, HOST);
      const opened = driver.waitForPage((url) => url.includes('/viewer.html#doc=user-seminar-notes-'));
      await page.mouseMove(at.x, at.y);
      await page.mouseClick(at.x, at.y);
      const viewer = await opened;
      const quoted = await viewer.waitFor(
        () => document.querySelector('li.target mark.quote')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      assert(quoted === 'Regional Comprehensive Economic Partnership', `quote marked in the source viewer: ${quoted}`);
      await viewer.close();

      // A binary file is refused with a message, and nothing changes.
      await options.front();
      await options.chooseFile('input[type="file"]', image);
      await clickOption(options, '.import button[type="submit"]');
      const refused = await options.waitFor(
        () => document.querySelector('.import [role="alert"]')?.textContent ?? null,
        undefined,
        Boolean,
        5000,
      );
      assert(refused.startsWith('This is not a text file'), refused);
      assert(JSON.stringify(await options.evaluate(listed)) === '["Seminar notes"]', 'the store is unchanged');
    } finally {
      await deleteListed(options, '.documents');
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
    await page.close();
  });

  test('options: an imported HTML file with scripts and markup-looking text shows only its text in the source viewer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-hostile-import-'));
    const file = join(dir, 'hostile.html');
    await writeFile(
      file,
      `<!doctype html><html><head><title>Hostile import</title><script>window.__gloss_pwned = 1</script>
      <link rel="stylesheet" href="http://gloss-leak.invalid/x.css"></head><body>
      <p>Xi Jinping said &lt;img src=x onerror=alert(1)&gt; in Hanoi.</p><img src="http://gloss-leak.invalid/x.png" onerror="window.__gloss_pwned = 2">
      <p><a href="javascript:window.__gloss_pwned = 3">"&gt;&lt;script&gt;window.__gloss_pwned = 4&lt;/script&gt;</a></p></body></html>`,
    );
    const options = await driver.openExtensionPage('/options.html');
    try {
      await options.waitFor(() => !!document.querySelector('input[type="file"]'), undefined, Boolean, 5000);
      await options.chooseFile('input[name="document"]', file);
      await clickOption(options, '.import button[type="submit"]');
      const added = await options.waitFor(
        () => document.querySelector('.import [role="status"]')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      assert(added.startsWith('Added “Hostile import”: 2 paragraphs'), added);
      const docId = await options.evaluate(
        () => /** @type {HTMLElement} */ (document.querySelector('.documents li')).dataset.id,
      );
      const viewer = await driver.openExtensionPage(`/viewer.html#doc=${docId}`);
      const shown = await viewer.waitFor(
        () => {
          const article = document.querySelector('article.document');
          return (
            article && {
              paragraphs: [...article.querySelectorAll('.paragraphs li')].map((li) => li.textContent),
              elements: article.querySelectorAll('img, script, link, a[href^="javascript"]').length,
              mentions: [...article.querySelectorAll('.mention')].map((m) => m.textContent),
              pwned: window.__gloss_pwned ?? null,
            }
          );
        },
        undefined,
        Boolean,
        8000,
      );
      assert(
        JSON.stringify(shown.paragraphs) ===
          JSON.stringify([
            'Xi Jinping said <img src=x onerror=alert(1)> in Hanoi.',
            '"><script>window.__gloss_pwned = 4</script>',
          ]),
        JSON.stringify(shown.paragraphs),
      );
      assert(shown.elements === 0 && shown.pwned === null, JSON.stringify(shown));
      assert(shown.mentions.includes('Xi Jinping') && shown.mentions.includes('Hanoi'), JSON.stringify(shown.mentions));
      assert(
        (await options.evaluate(() => window.__gloss_pwned ?? null)) === null,
        'a script of the file ran in the options page',
      );
      await viewer.close();
    } finally {
      await deleteListed(options, '.documents');
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
  });

  test('options: an entry the reader defines is spotted on web pages; export → clear → restore brings everything back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-backup-'));
    const options = await driver.openExtensionPage('/options.html');
    const lists = () => ({
      documents: [...document.querySelectorAll('.documents li a')].map((a) => a.textContent),
      entries: [...document.querySelectorAll('.entries li strong')].map((s) => s.textContent),
    });
    const portCard = async () => {
      const page = await driver.openPage(`${origin}/port.html`);
      await page.waitFor(pageMarks, HIGHLIGHT, (m) => Array.isArray(m) && m.includes('Lach Huyen'), 8000);
      await hover(page, 'Lach Huyen');
      const card = await readyCard(page, 'Lach Huyen');
      await page.close();
      return card;
    };
    try {
      // A document (pasted) to quote the label from, then the entry.
      await options.waitFor(() => !!document.querySelector('textarea[name="pasted"]'), undefined, Boolean, 5000);
      await clickOption(options, 'textarea[name="pasted"]');
      await options.typeText('Port notes');
      await options.key('Enter');
      await options.typeText('Lach Huyen is the deep-water port of Haiphong. It opened in 2018.');
      await clickOption(options, 'input[name="title"]');
      await options.typeText('Port notes');
      await clickOption(options, '.import button[type="submit"]');
      await options.waitFor(
        () => document.querySelector('.import [role="status"]')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      await clickOption(options, 'input[name="entryName"]');
      await options.typeText('Lach Huyen');
      await options.choose('select[name="entryKind"]', 'place');
      const docId = await options.waitFor(
        () => {
          const choices = /** @type {NodeListOf<HTMLOptionElement>} */ (
            document.querySelectorAll('select[name="labelDocument"] option')
          );
          return [...choices].find((o) => o.textContent === 'Port notes')?.value ?? null;
        },
        undefined,
        Boolean,
        5000,
      );
      await options.choose('select[name="labelDocument"]', docId);
      await options.waitFor(
        () => !!document.querySelector('select[name="labelParagraph"] option[value="2"]'),
        undefined,
        Boolean,
        5000,
      );
      await options.choose('select[name="labelParagraph"]', '2');
      await clickOption(options, '.entry-form button[type="submit"]');
      const added = await options.waitFor(
        () => document.querySelector('.entry-form [role="status"], .entry-form [role="alert"]')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      assert(added.startsWith('Added “Lach Huyen”'), added);

      // A web page opened now marks the new entry and shows its card, label quoted and cited.
      const card = await portCard();
      assert(card.text.includes('Lach Huyen is the deep-water port of Haiphong.'), card.text);
      assert(
        card.citations.some((c) => c.href.includes('#doc=user-port-notes-')),
        JSON.stringify(card.citations),
      );

      // Export, then clear everything the reader added.
      await options.front();
      await clickOption(options, 'button.export');
      const saved = await options.waitFor(
        async () => {
          const link = /** @type {HTMLAnchorElement} */ (document.querySelector('a.saved'));
          return link && { name: link.getAttribute('download'), text: await (await fetch(link.href)).text() };
        },
        undefined,
        Boolean,
        8000,
      );
      assert(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/.test(saved.name), saved.name);
      const file = join(dir, saved.name);
      await writeFile(file, saved.text);
      for (const list of ['.entries', '.documents']) await deleteListed(options, list);

      // Restore: both come back, and the web page spots the entry again.
      await options.chooseFile('input[name="backup"]', file);
      await clickOption(options, '.restore button[type="submit"]');
      const restored = await options.waitFor(
        () => document.querySelector('.backup [role="status"] p')?.textContent ?? null,
        undefined,
        Boolean,
        8000,
      );
      assert(restored === 'Restored: 1 documents and 1 entries added, 0 already here.', restored);
      const back = await options.evaluate(lists);
      assert(
        JSON.stringify(back) === JSON.stringify({ documents: ['Port notes'], entries: ['Lach Huyen'] }),
        JSON.stringify(back),
      );
      assert((await portCard()).name === 'Lach Huyen', 'the restored entry is spotted');
    } finally {
      // Cleaning up must not hide why the test failed.
      for (const list of ['.entries', '.documents']) await deleteListed(options, list).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
    await options.close();
  });
}
