// Hostile pages: each checks the expected marks in every frame, no error from the page or from Gloss, and the page's
// DOM unchanged.
import { assert } from '../harness.mjs';
import { HIGHLIGHT, HOST, pageMarksThroughout, pageMarkupWithoutGloss } from '../page.mjs';

export function define(ctx, test) {
  const { driver, origin, otherOrigin, poll, hover, readyCard } = ctx;
  // ── Hostile pages ───────────────────────────────────────────────────────────────────────────────
  // Each asserts: the expected marks (in whatever frame they are), the ones that must not be, no
  // uncaught error from the page or from Gloss, the page's DOM unchanged apart from Gloss's host
  // (pages that change themselves are checked for Gloss's nodes instead), and where given, that a card
  // opens on hover and the page's own check holds.
  const HOSTILE_PAGES = [
    {
      page: 'markup-text.html',
      marks: ['Xi Jinping', 'Hanoi', 'Nguyen Phu Trong', 'Belt and Road Initiative'],
      hover: ['Xi Jinping', 'Xi Jinping'],
      holds: () =>
        window.__gloss_pwned === undefined && document.images.length === 0 && !document.querySelector('b, script'),
    },
    {
      page: 'css-all-unset.html',
      marks: ['Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'],
      hover: ['Xi Jinping', 'Xi Jinping'],
    },
    { page: 'css-display-none.html', marks: ['Xi Jinping', 'Hanoi'], hover: ['Xi Jinping', 'Xi Jinping'] },
    { page: 'huge-z-index.html', marks: ['Xi Jinping', 'To Lam', 'Hanoi'], hover: ['Xi Jinping', 'Xi Jinping'] },
    {
      page: 'transformed-body.html',
      marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'],
      hover: ['Regional', 'Regional Comprehensive Economic Partnership'],
    },
    {
      page: 'zoomed-body.html',
      marks: ['Nguyen Phu Trong', 'Communist Party of Vietnam'],
      hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'],
    },
    { page: 'many-nodes.html', marks: ['Xi Jinping', 'Hanoi'] },
    {
      page: 'rewrite-every-frame.html',
      marks: ['Belt and Road Initiative', 'Xi Jinping'],
      changesItself: true,
      hover: ['Belt and', 'Belt and Road Initiative'],
    },
    {
      page: 'editable.html',
      marks: ['Xi Jinping'],
      absent: ['Nguyen Phu Trong', 'To Lam', 'Belt and Road Initiative', 'Communist Party of Vietnam'],
      caret: true,
    },
    { page: 'shadow-roots.html', marks: ['Xi Jinping', 'Hanoi'], absent: ['Nguyen Phu Trong'] },
    { page: 'nested-frames.html', marks: ['Communist Party of Vietnam', 'Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'] },
    {
      page: 'cross-origin-frame.html',
      query: () => `?other=${encodeURIComponent(otherOrigin)}`,
      marks: ['Hanoi', 'To Lam', 'Belt and Road Initiative'],
    },
    { page: 'lang-vi.html', marks: ['Nguyễn Phú Trọng'], absent: ['trong', 'đổi mới'] },
    // Chinese runs its words together: a term needs no space around it.
    { page: 'lang-zh.html', marks: ['习近平', '中国共产党', '一带一路'], hover: ['习近平', 'Xi Jinping'] },
    {
      page: 'rtl.html',
      marks: ['Xi Jinping', 'Nguyen Phu Trong', 'Hanoi', 'To Lam'],
      hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'],
    },
    { page: 'frameset.html', marks: ['To Lam', 'Belt and Road Initiative', 'Xi Jinping', 'Nguyen Phu Trong', 'Hanoi'] },
    // SVG text is left unmarked by design: lib/page/text-runs.ts skips SVG and MathML, whose text is part of a drawing.
    { page: 'svg-text.html', marks: ['Hanoi'], absent: ['Xi Jinping'] },
    { page: 'huge-text-node.html', marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'] },
    {
      page: 'mutation-storm.html',
      marks: ['Nguyen Phu Trong'],
      changesItself: true,
      hover: ['Nguyen Phu Trong', 'Nguyen Phu Trong'],
    },
    { page: 'hidden-content.html', marks: ['Hanoi'] },
    { page: '../hostile-prototypes.html', marks: ['Regional Comprehensive Economic Partnership', 'Hanoi'] },
    {
      page: '../basic.html',
      title: 'a strict Content-Security-Policy',
      query: () => `?csp=${encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'")}`,
      marks: ['Nguyen Phu Trong', 'RCEP'],
      hover: ['RCEP', 'Regional Comprehensive Economic Partnership'],
      cspErrors: true,
    },
  ];
  /** The marks of every frame, each frame read from top to bottom. */
  const allMarks = async (page) =>
    (await page.evaluateInFrames(pageMarksThroughout, HIGHLIGHT)).flatMap((m) => m ?? []);
  /**
   * Gloss's nodes in the page: anything but the one host element must not exist. (Plain loops: a hostile page breaks
   * Array methods.)
   */
  const glossNodes = (host) => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      let ours = el.localName.startsWith('gloss') && el.localName !== host;
      for (const a of el.attributes) if (a.name.startsWith('data-gloss')) ours = true;
      if (ours) found.push(el.localName);
    }
    return found;
  };

  for (const spec of HOSTILE_PAGES) {
    test(`hostile page: ${spec.title ?? spec.page.replace(/^.*\//, '')}`, async () => {
      const page = await driver.openPage(`${origin}/hostile/${spec.page}${spec.query?.() ?? ''}`);
      const before = spec.changesItself ? null : await page.evaluate(pageMarkupWithoutGloss, HOST);
      let caret = null;
      if (spec.caret) {
        // The reader is typing in the editor: Gloss must not move the caret or take the focus.
        caret = await page.evaluate(() => {
          const editor = document.getElementById('editor');
          editor.focus();
          const range = document.createRange();
          range.setStart(editor.firstChild, 12);
          range.collapse(true);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return 12;
        });
      }
      const marks = await poll(
        () => allMarks(page),
        (m) => spec.marks.every((x) => m.includes(x)),
        10000,
        `marks ${spec.marks.join(', ')}`,
      );
      for (const wrong of spec.absent ?? [])
        assert(!marks.includes(wrong), `"${wrong}" must not be marked: ${marks.join(' | ')}`);
      if (caret !== null) {
        const now = await page.evaluate(() => ({
          focused: document.activeElement?.id,
          offset: getSelection().anchorOffset,
          node: getSelection().anchorNode?.parentElement?.id ?? /** @type {Element} */ (getSelection().anchorNode)?.id,
        }));
        assert(
          now.focused === 'editor' && now.offset === caret && now.node === 'editor',
          `caret moved: ${JSON.stringify(now)}`,
        );
      }
      if (spec.hover) {
        await hover(page, spec.hover[0]);
        await readyCard(page, spec.hover[1]);
        await page.key('Escape');
      }
      if (spec.holds)
        assert(
          await page.evaluate(spec.holds),
          'the page’s own check failed: markup from its text ran or became elements',
        );
      if (before !== null)
        assert((await page.evaluate(pageMarkupWithoutGloss, HOST)) === before, 'the page markup changed');
      const foreign = await page.evaluate(glossNodes, HOST);
      assert(foreign.length === 0, `Gloss left nodes in the page: ${foreign.join(', ')}`);
      const errors = page.errors.filter((e) => !(spec.cspErrors && e.startsWith('Content-Security-Policy:')));
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      assert(page.extensionErrors.length === 0, `Gloss errors: ${page.extensionErrors.join('; ')}`);
      await page.close();
    });
  }

  // ── Malformed messages: what a compromised context could send, refused where it arrives ─────────
  test('messages that do not meet their schema are refused by the background, and nothing happens', async () => {
    const ext = await driver.openExtensionPage('/popup.html');
    const result = await ext.evaluate(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const send = (type, data) => api.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      const tabsBefore = (await api.tabs.query({})).length;
      const answers = {
        path: await send('openViewer', { docId: '../../etc/passwd', paragraph: 1 }),
        markup: await send('card', '<img src=x onerror=alert(1)>'),
        huge: await send('lookUpText', 'x'.repeat(100000)),
        shape: await send('briefs', 'rcep'),
        good: await send('card', 'xi-jinping'),
      };
      // The background answers openViewer once its tab exists: the count is complete when the answers are in.
      return { answers, newTabs: (await api.tabs.query({})).length - tabsBefore };
    });
    const { path, markup, huge, shape, good } = result.answers;
    for (const [name, answer] of Object.entries({ path, markup, huge, shape })) {
      assert(
        answer?.err?.name === 'Refused' && /^message refused: data \(\w+: /.test(answer.err.message),
        `${name}: ${JSON.stringify(answer)}`,
      );
    }
    assert(
      good?.res?.name === 'Xi Jinping',
      `a well-formed message is answered: ${JSON.stringify(good).slice(0, 200)}`,
    );
    assert(result.newTabs === 0, `a refused openViewer opened ${result.newTabs} tabs`);
    await ext.close();
  });
}
