// Dexie runs on fake-indexeddb in Node.
import 'fake-indexeddb/auto';

// Messages answer from the English file, with $1… substitutions as the browsers do: through lib/i18n.ts
// directly, and through the fake browser's i18n for entry points that give lib/i18n.ts the browser's
// (adapters/i18n-browser.ts; the WXT test plugin makes `browser` its fake browser).
import english from '../public/_locales/en/messages.json';
import { setMessageLookup, type MessageLookup } from '../lib/i18n';
import { browser } from './mock-browser';

const messages = english as Record<string, { message: string }>;
const englishMessage: MessageLookup = (key, substitutions) =>
  (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
setMessageLookup(englishMessage);
browser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  englishMessage(
    key,
    typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []),
  )) as typeof browser.i18n.getMessage;
