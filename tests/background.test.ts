// The background's wiring of the keyboard shortcut and the context menu: browsers offer automation no
// way to fire either, so this runs the real background entrypoint against WXT's fake browser, with
// the two missing event APIs stubbed, and checks what it sends to the tab.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATABASE_NAME } from '../lib/store/db';
import { realPack } from './helpers';

type Listener = (...args: never[]) => unknown;
let listeners: { command?: Listener; menu?: Listener };
let created: unknown[];
let sent: { tabId: number; message: { type: string; data: unknown }; options: unknown }[];

beforeEach(async () => {
  fakeBrowser.reset();
  listeners = {};
  created = [];
  sent = [];
  const pack = await realPack();
  // The background loads the bundled pack from the extension; here it is built from corpus/, as the build does.
  vi.spyOn(globalThis, 'fetch').mockImplementation((async () => ({ json: async () => pack })) as never);
  Object.assign(fakeBrowser, {
    commands: { onCommand: { addListener: (fn: Listener) => (listeners.command = fn) } },
    contextMenus: {
      removeAll: async () => {},
      create: (props: unknown) => void created.push(props),
      onClicked: { addListener: (fn: Listener) => (listeners.menu = fn) },
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((
    tabId: number,
    message: never,
    options: unknown,
    reply?: () => void,
  ) => {
    sent.push({ tabId, message, options });
    reply?.();
  }) as never);
  vi.resetModules(); // a fresh background, with fresh message listeners, per test
  const background = (await import('../entrypoints/background')).default;
  background.main();
  await vi.waitFor(() => expect(created).toHaveLength(1));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(DATABASE_NAME);
});

describe('background: selection look-ups', () => {
  it('offers "Look up in Gloss" on selections', () => {
    expect(created).toEqual([{ id: 'gloss-look-up', title: 'Look up in Gloss', contexts: ['selection'] }]);
  });

  it('the shortcut asks the active tab to look up its selection', async () => {
    await listeners.command!('look-up-selection' as never);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ tabId: 7, message: { type: 'lookUpSelection', data: '' } });
  });

  it("the step shortcuts ask the active tab, and Gloss's own page in that tab, to move to the next or previous term", async () => {
    const toPages: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      (async (message: unknown) => void toPages.push(message)) as never,
    );
    await listeners.command!('next-term' as never);
    await listeners.command!('previous-term' as never);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => [s.tabId, s.message.type, s.message.data])).toEqual([
      [7, 'stepTerm', { direction: 'next' }],
      [7, 'stepTerm', { direction: 'previous' }],
    ]);
    expect(toPages).toMatchObject([
      { type: 'stepTerm', data: { direction: 'next', tabId: 7 } },
      { type: 'stepTerm', data: { direction: 'previous', tabId: 7 } },
    ]);
  });

  it('ignores other commands', async () => {
    await listeners.command!('something-else' as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });

  it('the context menu sends the selected text to the frame it was chosen in', async () => {
    listeners.menu!(
      { menuItemId: 'gloss-look-up', selectionText: 'Belt and', frameId: 3 } as never,
      { id: 9 } as never,
    );
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      tabId: 9,
      message: { type: 'lookUpSelection', data: 'Belt and' },
      options: { frameId: 3 },
    });
  });
});

describe('background: what the content scripts are told', () => {
  /** A content script's message to the background, answered as runtime messaging answers it. */
  const ask = (type: string) =>
    new Promise<{ res: never }>(
      (resolve) =>
        void (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => unknown)(
          { id: 1, type, timestamp: Date.now() },
          {},
          resolve,
        ),
    );

  it('answers every frame with the sieve and the settings, and the rest of the matcher when asked', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['example.com'], preferences: { hoverDelayMs: 400 } });
    expect((await ask('pageSetup')).res).toMatchObject({
      sieve: { format: 2 },
      units: expect.any(String),
      disabledSites: ['example.com'],
      preferences: { hoverDelayMs: 400, markStyle: 'underline' },
    });
    const { matcher, related } = (await ask('pageMatcher')).res as {
      matcher: { aliases: unknown[] };
      related: unknown[];
    };
    expect(matcher.aliases.length).toBeGreaterThan(100);
    expect(related.length).toBeGreaterThan(0);
  });

  it('tells every tab when a setting changes, since content scripts read no storage themselves', async () => {
    await fakeBrowser.storage.local.set({ preferences: { hoverDelayMs: 600 } });
    await vi.waitFor(() => expect(sent.some((s) => s.message.type === 'settingsChanged')).toBe(true));
    expect(sent.find((s) => s.message.type === 'settingsChanged')).toMatchObject({
      tabId: 7,
      message: { data: { preferences: { hoverDelayMs: 600 } } },
    });
    await fakeBrowser.storage.local.set({ disabledSites: ['example.com'] });
    await vi.waitFor(() =>
      expect(
        sent.some((s) => s.message.type === 'settingsChanged' && 'disabledSites' in (s.message.data as object)),
      ).toBe(true),
    );
    await fakeBrowser.storage.local.set({ userDataVersion: 2 });
    await vi.waitFor(() =>
      expect(
        sent.some((s) => s.message.type === 'settingsChanged' && (s.message.data as { userData?: boolean }).userData),
      ).toBe(true),
    );
  });
});
