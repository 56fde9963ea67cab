/**
 * Gloss's keyboard shortcuts: the manifest's commands (wxt.config.ts) and the same keys read from a
 * page's key events, where the browser's command does not reach (automation, a shortcut the reader
 * cleared or gave to something else, a browser that lets the page see the keys first).
 *
 * Alt+Shift+. and Alt+Shift+, are in neither browser's list of keyboard shortcuts (Chrome's
 * Alt+Shift shortcuts use letters; Firefox's use Ctrl or Alt alone), and they read as "the next one"
 * and "the one before" (> and < on most layouts). Chrome allows an extension four suggested keys.
 */
import type { Direction } from './page/reading-order';

export const LOOK_UP_COMMAND = 'look-up-selection';

/** The commands that move to the next or previous marked term, and their keys (event.code). */
export const STEP_COMMANDS = {
  'next-term': { direction: 'next', suggestedKey: 'Alt+Shift+Period', code: 'Period' },
  'previous-term': { direction: 'previous', suggestedKey: 'Alt+Shift+Comma', code: 'Comma' },
} as const satisfies Record<string, { direction: Direction; suggestedKey: string; code: string }>;

type StepCommand = keyof typeof STEP_COMMANDS;

export function isStepCommand(command: unknown): command is StepCommand {
  return typeof command === 'string' && Object.hasOwn(STEP_COMMANDS, command);
}

/** The key event's modifiers and physical key. */
interface KeyPress {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Whether a key press is the look-up shortcut's key, Alt+Shift+G (wxt.config.ts). */
export function isLookUpKey(key: KeyPress): boolean {
  return key.altKey && key.shiftKey && !key.ctrlKey && !key.metaKey && key.code === 'KeyG';
}

/** The direction a key press asks for, if it is one of the step commands' keys; null otherwise. */
export function stepOfKey(key: KeyPress): Direction | null {
  if (!key.altKey || !key.shiftKey || key.ctrlKey || key.metaKey) return null;
  for (const { direction, code } of Object.values(STEP_COMMANDS)) if (key.code === code) return direction;
  return null;
}
