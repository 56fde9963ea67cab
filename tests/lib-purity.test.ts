import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * lib/ is pure logic that runs in any JavaScript engine (README, "Architecture"): what binds it to
 * the browser's extension APIs or to Node lives in adapters/, scripts/ and entrypoints/. Dexie and
 * the DOM are allowed: the tests run them in Node (fake-indexeddb, jsdom).
 */
const NODE_MODULES = new Set(builtinModules);
const forbiddenModule = (name: string) =>
  /^wxt(\/|$)/.test(name) || name.startsWith('node:') || NODE_MODULES.has(name.split('/')[0]);
const EXTENSION_GLOBALS = new Set(['browser', 'chrome']);

/** What in `source` ties it to an engine: imports of wxt or Node, and uses of the extension API globals. */
function bindings(source: string, file = 'source.ts'): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.ImportKeyword &&
            node.arguments[0] &&
            ts.isStringLiteral(node.arguments[0])
          ? node.arguments[0].text
          : ts.isImportTypeNode(node) &&
              ts.isLiteralTypeNode(node.argument) &&
              ts.isStringLiteral(node.argument.literal)
            ? node.argument.literal.text
            : null;
    if (specifier !== null && forbiddenModule(specifier)) found.push(`${where(node)} imports ${specifier}`);
    if (ts.isPropertyAccessExpression(node)) {
      const object = node.expression;
      const global =
        ts.isIdentifier(object) && EXTENSION_GLOBALS.has(object.text)
          ? object.text
          : ts.isPropertyAccessExpression(object) &&
              ts.isIdentifier(object.expression) &&
              object.expression.text === 'globalThis' &&
              EXTENSION_GLOBALS.has(object.name.text)
            ? object.name.text
            : null;
      if (global) found.push(`${where(node)} uses ${global}.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const libFiles = (readdirSync('lib', { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => join('lib', f));

describe('lib/ is pure', () => {
  it('no file under lib/ imports wxt or Node, or uses the browser or chrome globals', () => {
    expect(libFiles.length).toBeGreaterThan(50);
    expect(libFiles.flatMap((file) => bindings(readFileSync(file, 'utf8'), file))).toEqual([]);
  });

  it('the check finds each kind of binding, in code and not in comments or strings', () => {
    const source = `
      import { browser } from 'wxt/browser';
      import type { Foo } from 'wxt';
      export { readFile } from 'node:fs/promises';
      import { join } from 'path';
      const fs = await import('fs');
      type P = import('node:path').ParsedPath;
      chrome.runtime.id;
      globalThis.browser.storage.local.get('x');
      // browser.i18n in a comment, and 'node:fs' in a string, are no bindings.
      const text = 'chrome.tabs';
      import { Dexie } from 'dexie';
    `;
    expect(bindings(source).map((b) => b.replace(/^source\.ts:\d+ /, ''))).toEqual([
      'imports wxt/browser',
      'imports wxt',
      'imports node:fs/promises',
      'imports path',
      'imports fs',
      'imports node:path',
      'uses chrome.runtime',
      'uses browser.storage',
    ]);
  });
});
