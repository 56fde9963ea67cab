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
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, message: never, options: unknown, reply?: () => void) => {
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

  it('ignores other commands', async () => {
    await listeners.command!('something-else' as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });

  it('the context menu sends the selected text to the frame it was chosen in', async () => {
    listeners.menu!({ menuItemId: 'gloss-look-up', selectionText: 'Belt and', frameId: 3 } as never, { id: 9 } as never);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ tabId: 9, message: { type: 'lookUpSelection', data: 'Belt and' }, options: { frameId: 3 } });
  });
});
