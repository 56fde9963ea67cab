/**
 * Background: loads the bundled pack, installs it in the store (idempotent, keyed by its hash),
 * answers the content script and the popup, and turns the shortcut and the context menu into look-ups.
 */
import '../adapters/i18n-browser';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadBundledPack } from '../adapters/bundled-pack';
import { entryHash, VIEWER_PAGE, viewerHash } from '../lib/citation';
import { onMessage, sendMessage, sendToTab, type PageTerms, type SettingsChange } from '../lib/messages';
import { ACTION_SIZES, iconPath } from '../lib/icons';
import { toolbarState } from '../lib/toolbar';
import { disabledSites, preferences, userDataVersion } from '../adapters/storage';
import { GlossService } from '../lib/service';
import { t } from '../lib/i18n';
import { isStepCommand, LOOK_UP_COMMAND, STEP_COMMANDS } from '../lib/keyboard';

const MENU_ID = 'gloss-look-up';
const WELCOME_HASH = '#welcome';

export default defineBackground(() => {
  // Started on every wake-up of the worker; installing the bundled pack is a no-op unless it changed.
  const service = loadBundledPack().then((pack) => GlossService.start(pack));

  onMessage('card', async ({ data }) => (await service).card(data));
  onMessage('lookUpText', async ({ data }) => (await service).lookUpText(data));
  onMessage('pageSetup', async () => {
    const [s, sites, prefs] = await Promise.all([service, disabledSites.getValue(), preferences.getValue()]);
    return { sieve: await s.pageSieve(), units: s.pageUnits(), disabledSites: sites, preferences: prefs };
  });
  onMessage('pageMatcher', async () => (await service).pageMatcher());
  // Content scripts read no storage themselves (setting up its API would cost every frame of every
  // page a few milliseconds): the background tells every tab what changed.
  preferences.watch((p) => {
    tellTabs({ preferences: p });
    for (const tabId of frameReports.keys()) void showToolbarState(tabId);
  });
  disabledSites.watch((sites) => tellTabs({ disabledSites: sites }));
  userDataVersion.watch(() => tellTabs({ userData: true }));
  onMessage('storeStatus', async () => (await service).status);
  onMessage('search', async ({ data }) => (await service).search(data));
  onMessage('entryDetail', async ({ data }) => (await service).entryDetail(data));
  onMessage('briefs', async ({ data }) => (await service).briefs(data));
  onMessage('entryIndex', async () => (await service).entryIndex());
  onMessage('userDataChanged', async () => (await service).userDataChanged());
  onMessage('openViewer', async ({ data }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(VIEWER_PAGE) + viewerHash(data) });
  });
  onMessage('openEntry', async ({ data }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(VIEWER_PAGE) + entryHash(data) });
  });

  // The toolbar button follows what each tab's frames report: grey where Gloss is off, the number
  // of terms marked. A page that starts loading has reported nothing yet.
  onMessage('pageTerms', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frames = frameReports.get(tabId) ?? new Map<number, PageTerms>();
    frames.set(sender.frameId ?? 0, data);
    frameReports.set(tabId, frames);
    void showToolbarState(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading' || !frameReports.has(tabId)) return;
    frameReports.delete(tabId);
    void showToolbarState(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => frameReports.delete(tabId));

  // First install: a welcome page with a passage to try hovering on.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(VIEWER_PAGE) + WELCOME_HASH });
  });

  // Menus are rebuilt on every start: Firefox keeps none across restarts, Chrome rejects duplicates.
  browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('contextMenuLookUp'), contexts: ['selection'] }));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) {
      askTab(tab.id, info.selectionText ?? '', info.frameId, true);
    }
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== LOOK_UP_COMMAND && !isStepCommand(command)) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (!isStepCommand(command)) return askTab(tab.id, '', undefined, true);
    const { direction } = STEP_COMMANDS[command];
    // The tab's content scripts, and Gloss's own pages, where no content script runs: the page
    // showing in that tab answers.
    sendToTab('stepTerm', { direction }, tab.id).catch(() => {});
    sendMessage('stepTerm', { direction, tabId: tab.id }).catch(() => {});
  });
});

/** What each tab's frames last reported (by tab id, then frame id), for the toolbar button. */
const frameReports = new Map<number, Map<number, PageTerms>>();

/** The toolbar button's API: `action` in Chrome's manifest version 3, `browserAction` in Firefox's 2. */
const toolbarButton = () => browser.action ?? browser.browserAction;

/** Sets a tab's icon (grey where Gloss is off), badge and title from what its frames reported. */
async function showToolbarState(tabId: number): Promise<void> {
  const state = toolbarState(frameReports.get(tabId) ?? new Map(), (await preferences.getValue()).showBadge);
  const button = toolbarButton();
  const title = state.off ? t('actionTitleOff') : state.terms > 0 ? t('actionTitleTerms', state.terms) : t('extName');
  // The tab may have closed meanwhile: nothing to show then.
  await Promise.all([
    button.setIcon({
      tabId,
      path: Object.fromEntries(ACTION_SIZES.map((size) => [size, `/${iconPath(size, state.off)}`])),
    }),
    button.setBadgeText({ tabId, text: state.badge }),
    button.setTitle({ tabId, title }),
  ]).catch(() => {});
}

/** Tells every frame of every tab that settings changed. Tabs without Gloss's content script do not answer. */
async function tellTabs(change: SettingsChange): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) sendToTab('settingsChanged', change, tab.id).catch(() => {});
  }
}

/** Asks the content script of a tab (a frame, when known) to open a card for its selection. */
function askTab(tabId: number, text: string, frameId?: number, andOwnPage = false): void {
  // A tab where content scripts cannot run (browser pages, web stores) has nobody to answer.
  sendToTab('lookUpSelection', text, frameId !== undefined ? { tabId, frameId } : tabId).catch(() => {});
  // Gloss's own pages, where no content script runs: the page showing in that tab answers.
  if (andOwnPage) sendMessage('lookUpHere', { tabId, text }).catch(() => {});
}
