// Guards the package's promises: no dependencies, no Node built-ins, nothing imported from outside src.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sourceDirectory = dirname(fileURLToPath(import.meta.url));
const librarySources = readdirSync(sourceDirectory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('package boundary', () => {
  it('declares no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(sourceDirectory, '..', 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies']) expect(manifest[key]).toBeUndefined();
  });

  it.each(librarySources)('%s imports only sibling modules (browser- and Node-safe)', (name) => {
    const text = readFileSync(join(sourceDirectory, name), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z0-9-]+\.js$/);
    // No Node globals either: the viewer bundles this package for the browser.
    expect(text).not.toMatch(/\b(?:Buffer|process|require|__dirname)\b/);
  });

  it('has a one-line header comment on every source file', () => {
    for (const name of readdirSync(sourceDirectory).filter((n) => n.endsWith('.ts'))) {
      expect(readFileSync(join(sourceDirectory, name), 'utf8')).toMatch(/^\/\/ \S.*\n/);
    }
  });
});
