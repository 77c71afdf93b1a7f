// Every key the server writes into the audit log — record type, action, field, and each value
// written as a key — has words in all three languages. vocabulary.json lists the keys; a server
// test (crates/server/tests/http/audit_log.rs) checks that everything the server writes is listed.
import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import zhTW from '@/i18n/zh-TW.json';
import vocabulary from './vocabulary.json';

type Tree = { [key: string]: string | Tree | undefined };

function words(tree: Tree, path: string[]): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

// The JSON imports are typed by their own shapes; the walk below reads them as plain trees.
const LANGUAGES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as unknown as Record<string, Tree>;

/** Every translation path the vocabulary asks for. */
function wanted(): string[][] {
  const paths: string[][] = [];
  for (const [entity, verbs] of Object.entries(vocabulary.actions)) {
    paths.push(['audit', 'entity', entity]);
    for (const verb of verbs) paths.push(['audit', 'action', entity, verb]);
  }
  for (const field of vocabulary.fields) paths.push(['audit', 'field', field]);
  for (const [field, values] of Object.entries(vocabulary.values as Record<string, string[]>)) {
    for (const value of values) paths.push(['audit', 'value', field, value]);
  }
  return paths;
}

describe('audit vocabulary', () => {
  it('lists something of every kind', () => {
    expect(Object.keys(vocabulary.actions).length).toBeGreaterThan(20);
    expect(vocabulary.fields.length).toBeGreaterThan(50);
    expect(Object.keys(vocabulary.values).length).toBeGreaterThan(5);
  });

  for (const [language, tree] of Object.entries(LANGUAGES)) {
    it(`has words in ${language} for every key the server writes`, () => {
      const missing = wanted()
        .filter((path) => !words(tree, path))
        .map((path) => path.join('.'));
      expect(missing).toEqual([]);
    });
  }

  it('words every value field that is not free text', () => {
    const free = new Set(vocabulary.free_text);
    for (const field of Object.keys(vocabulary.values)) {
      expect(free.has(field), field).toBe(false);
      expect(vocabulary.fields, field).toContain(field);
    }
  });
});
