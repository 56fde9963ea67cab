// Dexie runs on fake-indexeddb in Node.
import 'fake-indexeddb/auto';

// browser.i18n answers from the English messages, with $1… substitutions as the browsers do.
import { browser } from './mock-browser';
import english from '../public/_locales/en/messages.json';

const messages = english as Record<string, { message: string }>;
// (The WXT test plugin makes `browser` its fake browser.)
browser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}) as typeof browser.i18n.getMessage;
