// The end-to-end suite, written once against a small driver (drivers.mjs) so Chromium and Firefox run
// the same tests. Each test uses Gloss as a reader would: load a page, rest the pointer on a word,
// read the card, follow the citation, press Esc. This file is the table of contents: each area is a
// file in tests/, run in this order (the extension's removal and the privacy check come last).
import { makeContext } from './harness.mjs';
import * as accessibility from './tests/accessibility.mjs';
import * as cards from './tests/cards.mjs';
import * as hostilePages from './tests/hostile-pages.mjs';
import * as hoverIntent from './tests/hover-intent.mjs';
import * as keyboard from './tests/keyboard.mjs';
import * as languages from './tests/languages.mjs';
import * as lifecycle from './tests/lifecycle.mjs';
import * as marksAndCards from './tests/marks-and-cards.mjs';
import * as markColors from './tests/mark-colors.mjs';
import * as nearView from './tests/near-view.mjs';
import * as options from './tests/options.mjs';
import * as packs from './tests/packs.mjs';
import * as pdf from './tests/pdf.mjs';
import * as popup from './tests/popup.mjs';
import * as precision from './tests/precision.mjs';
import * as privacy from './tests/privacy.mjs';
import * as sourceViewer from './tests/source-viewer.mjs';
import * as toolbarButton from './tests/toolbar-button.mjs';
import * as trust from './tests/trust.mjs';
import * as userData from './tests/user-data.mjs';

/** The areas of the main session, in order. */
const AREAS = [
  marksAndCards,
  markColors,
  cards,
  keyboard,
  hoverIntent,
  nearView,
  precision,
  hostilePages,
  sourceViewer,
  options,
  userData,
  packs,
  pdf,
  popup,
  toolbarButton,
  trust,
  accessibility,
  lifecycle,
  privacy,
];

/** The tests of `areas`, each area given the same context of helpers. */
function collect(areas, setup) {
  const ctx = makeContext(setup);
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });
  for (const area of areas) area.define(ctx, test);
  return tests;
}

export const defineSuite = (setup) => collect(AREAS, setup);

/** A second browser whose language is Vietnamese; what it did must not leave the machine either. */
export const defineVietnameseSuite = (setup) => collect([languages, privacy], setup);
