import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { buildPack } from './adapters/node-corpus';
import { ICON_SIZES, iconPath } from './lib/icons';
import { renderIcons } from './scripts/icons';
import { LOOK_UP_COMMAND, STEP_COMMANDS } from './lib/keyboard';
import { highlightsCss } from './lib/page/mark-colors';

/**
 * The content stylesheet (highlights.css): the ::highlight() rules, written from the colours in
 * lib/page/mark-colors.ts; and the card's visibility. The card shows only while this stylesheet is on
 * the page (components/card.css): custom properties pass WXT's `all: initial` reset of the card's
 * shadow host and inherit into it, and Firefox removes the stylesheet with the extension.
 */
const contentStylesheet = () => `${highlightsCss()}\ngloss-card { --gloss-card-display: block !important; }\n`;

/** A call of the Function constructor, with `new` or without (not a method or a name that ends in "Function"). */
const FUNCTION_CALL = /(?<![\w$.])Function\(/;

/**
 * pdf.js tests whether it may compile code from strings (`new Function("")`), and compiles a PDF's
 * PostScript functions so when it may; the core-js polyfills of its legacy build call `Function(…)`
 * for Node's `require` and, as a last resort, for the global object. Gloss tells pdf.js not to
 * compile (isEvalSupported: false) and ships no code that makes code from strings (npm test checks
 * the build): in pdf.js every call of the constructor is replaced by one that throws, so its test
 * finds that it may not, as an extension's CSP says anyway, and the polyfills fall to their next way.
 */
function withoutStringCode(): Plugin {
  return {
    name: 'gloss:pdfjs-without-string-code',
    transform(code, id) {
      if (!id.includes('pdfjs-dist') || !FUNCTION_CALL.test(code)) return null;
      const refuse = 'function glossNoStringCode() { throw new EvalError("Gloss runs no code made from strings"); }\n';
      return { code: refuse + code.replace(new RegExp(FUNCTION_CALL, 'g'), 'glossNoStringCode('), map: null };
    },
  };
}

/**
 * Preact's renderer assigns `innerHTML` in one place, for its `dangerouslySetInnerHTML` prop. Gloss never
 * uses that prop; rewritten to `textContent`, the prop could only ever show text, and the bundle sets no
 * HTML from a string anywhere (`web-ext lint` warns of every such assignment, and npm test runs it).
 */
function preactWithoutHtmlStrings(): Plugin {
  return {
    name: 'gloss:preact-without-html-strings',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]/.test(id)) return null;
      const text = code.replace(/\.innerHTML=(?!=)/g, '.textContent=');
      return text === code ? null : { code: text, map: null };
    },
  };
}

/** The Firefox add-on id: fixed, so storage and the moz-extension host survive reinstalls. */
const GECKO_ID = 'gloss@gloss-reader';

export default defineConfig({
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  vite: () => ({
    // Source maps beside the scripts, named by no script (so browsers never fetch them) and left out of
    // the store zips: the benchmark reads them to say which part of Gloss each profiled sample is.
    // ES2022, not Vite's default list of browser versions: for those esbuild turns every regular
    // expression with a Unicode property (\p{L}) into a `new RegExp(…)` call, made again on every
    // call of the function that holds it (the rules around each hit ask several). The browsers
    // Gloss supports (Firefox 142 and up, as the manifest below says; Chromium with the Custom
    // Highlight API) run ES2022 as written.
    build: { sourcemap: 'hidden', target: 'es2022' },
    plugins: [preact(), preactWithoutHtmlStrings()],
    // The options page's worker loads pdf.js on its first PDF: a module worker, so it can import a chunk.
    worker: { format: 'es', plugins: () => [withoutStringCode()] },
  }),
  zip: { exclude: ['**/*.map'] },
  manifest: {
    // Words the browser shows come from public/_locales, like every UI string.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // The stores link it from the listing (docs/store.md); the author is set per browser below.
    homepage_url: 'https://github.com/gloss-reader/gloss',
    // The toolbar button's icon is named in entrypoints/popup/index.html (WXT builds both browsers' keys).
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath(size)])),
    // storage: settings; contextMenus: "Look up in Gloss" on a selection. Content scripts need no
    // host permission beyond their own matches; nothing is fetched from anywhere.
    permissions: ['storage', 'contextMenus'],
    // The card's script, loaded by the content script on first use (entrypoints/finder/cards.ts), and
    // the finder, loaded by a frame once it holds text worth reading (entrypoints/frame.ts). A dynamic
    // URL in Chrome, a per-install host in Firefox: a page cannot probe for Gloss with them.
    web_accessible_resources: [
      { resources: ['card-ui.js', 'finder.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    commands: {
      [LOOK_UP_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandLookUp__',
      },
      // Moving from marked term to term (lib/keyboard.ts); the content script reads the same keys.
      ...Object.fromEntries(
        Object.entries(STEP_COMMANDS).map(([command, { direction, suggestedKey }]) => [
          command,
          {
            suggested_key: { default: suggestedKey },
            description: direction === 'next' ? '__MSG_commandNextTerm__' : '__MSG_commandPreviousTerm__',
          },
        ]),
      ),
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        // Gloss collects nothing and sends nothing. (Newer than WXT's manifest types, hence the cast.)
        ...({ data_collection_permissions: { required: ['none'] } } as object),
      },
    },
  },
  hooks: {
    // The content script is finder.js, built as a plain script (entrypoints/finder/index.tsx says
    // why), in the top frame of every page; every other frame runs frame.js, which loads the finder
    // once the frame holds text worth reading (entrypoints/frame.ts). The ::highlight() rules must
    // apply in the page itself, not in the card's shadow root, so they ship as a plain
    // content-script stylesheet, in every frame: injected by the browser, no element added.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.content_scripts = [
        { matches: ['<all_urls>'], run_at: 'document_idle', js: ['finder.js'] },
        {
          matches: ['<all_urls>'],
          all_frames: true,
          run_at: 'document_idle',
          js: ['frame.js'],
          css: ['highlights.css'],
        },
      ];
      // Firefox shows `author` (a name) on the add-on's page; Chrome's key holds an email address
      // only, and the Web Store names the publisher's account instead.
      if (wxt.config.browser === 'firefox') Object.assign(manifest, { author: 'The Gloss authors' });
    },
    // The bundled pack is built from corpus/ on every build, by the builder of `npm run pack`: a quote
    // that is not in its source stops the build here, with the glossary line and the nearest text.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: 'bundled.gloss', contents: JSON.stringify(await buildPack('corpus')) });
      files.push({ relativeDest: 'highlights.css', contents: contentStylesheet() });
      files.push(...(await renderIcons('assets/icon.svg', '.wxt/icons')));
    },
  },
});
