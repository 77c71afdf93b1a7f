// Every string exists in all three languages, none is empty, every key the code uses exists,
// and every error code, role and permission the API knows has words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import openapi from '@/api/openapi.json';
import { BUILTIN_ROLE_KEYS } from '@/lib/roles';
import en from './en.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import workEn from './work.en.json';
import workZhCN from './work.zh-CN.json';
import workZhTW from './work.zh-TW.json';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys without plural suffixes: `count_one` and `count_other` in English are `count` in Chinese. */
function baseKeys(strings: Map<string, string>): Set<string> {
  return new Set([...strings.keys()].map((key) => key.replace(PLURAL, '')));
}

const languages = {
  'zh-CN': flatten({ ...zhCN, ...workZhCN } as Tree),
  'zh-TW': flatten({ ...zhTW, ...workZhTW } as Tree),
  en: flatten({ ...en, ...workEn } as Tree),
};

function has(lang: keyof typeof languages, key: string): boolean {
  // `too_many` is a key of its own, not the plural form "many" of `too`.
  return languages[lang].has(key) || baseKeys(languages[lang]).has(key);
}

describe('translations', () => {
  const reference = baseKeys(languages['zh-CN']);

  for (const [lang, strings] of Object.entries(languages)) {
    it(`${lang} has every key and no empty string`, () => {
      const keys = baseKeys(strings);
      expect([...reference].filter((key) => !keys.has(key))).toEqual([]);
      expect([...keys].filter((key) => !reference.has(key))).toEqual([]);
      expect([...strings].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual(
        [],
      );
    });

    it(`${lang} keeps every placeholder of the Chinese text`, () => {
      const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort().join();
      const mismatched = [...languages['zh-CN']]
        .filter(([key, text]) => {
          const other = strings.get(key) ?? strings.get(`${key}_other`) ?? '';
          return placeholders(text) !== placeholders(other);
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }

  it('the Chinese texts contain no stray English words', () => {
    const allowed =
      /\b(Forecourt|CRM|API|DMS|VIN|4S|UTC|Asia|Shanghai|YYYY|M|D|dddd|HZ01|CSV|Excel|xlsx|csv|UTF|GBK|SUV|MPV)\b/g;
    for (const lang of ['zh-CN', 'zh-TW'] as const) {
      const leaks = [...languages[lang]]
        .filter(([key]) => !key.startsWith('search.keywords.'))
        .filter(([, text]) =>
          /[A-Za-z]{3,}/.test(
            text
              .replace(allowed, '')
              .replace(/\{\{\w+\}\}/g, '')
              .replace(/[\w.-]+@[\w.-]+/g, ''),
          ),
        )
        .map(([key, text]) => `${key}: ${text}`);
      expect(leaks).toEqual([]);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the code', () => {
  const src = join(__dirname, '..');
  const text = sourceFiles(src)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('names every permission action distinctly, so the role grid has no twin columns', () => {
    for (const [lang, strings] of Object.entries(languages)) {
      const names = [...strings]
        .filter(([key]) => key.startsWith('permission.action.'))
        .map(([, name]) => name);
      expect(new Set(names).size, lang).toBe(names.length);
    }
  });

  it('uses only keys that exist', () => {
    const used = new Set<string>();
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]+)'/g)) used.add(match[1] ?? '');
    for (const match of text.matchAll(/(?:titleKey|keywordsKey):\s*'([\w.]+)'/g)) {
      used.add(match[1] ?? '');
    }
    for (const lang of Object.keys(languages) as (keyof typeof languages)[]) {
      expect(
        [...used].filter((key) => !has(lang, key)),
        lang,
      ).toEqual([]);
    }
  });
});

describe('the API vocabulary', () => {
  const schemas = openapi.components.schemas as Record<string, { enum?: string[] }>;

  it('every error code has a message', () => {
    for (const code of schemas.ErrorCode?.enum ?? []) {
      for (const lang of Object.keys(languages) as (keyof typeof languages)[]) {
        expect(has(lang, `errors.code.${code}`), `${lang} errors.code.${code}`).toBe(true);
      }
    }
  });

  it('every permission, scope and built-in role has a name', () => {
    for (const lang of Object.keys(languages) as (keyof typeof languages)[]) {
      for (const permission of schemas.Permission?.enum ?? []) {
        const [resource, action] = permission.split(':');
        expect(has(lang, `permission.resource.${resource}`), `${lang} ${resource}`).toBe(true);
        expect(has(lang, `permission.action.${action}`), `${lang} ${action}`).toBe(true);
      }
      for (const scope of schemas.Scope?.enum ?? []) {
        expect(has(lang, `scope.${scope}`), `${lang} scope.${scope}`).toBe(true);
      }
      for (const role of BUILTIN_ROLE_KEYS) {
        expect(has(lang, `roles.builtin.${role}`), `${lang} ${role}`).toBe(true);
        expect(has(lang, `roles.builtinDescription.${role}`), `${lang} ${role}`).toBe(true);
      }
    }
  });

  it('every field error code the server documents has a message', () => {
    const codes = [
      'required',
      'too_short',
      'too_long',
      'invalid_format',
      'invalid_type',
      'invalid_value',
      'taken',
      'unknown_role',
      'unknown_team',
      'unknown_department',
      'unknown_user',
      'role_exceeds_own_permissions',
      'exceeds_own_permissions',
      'cannot_change_own_role',
      'cannot_disable_self',
      'last_admin',
      'builtin_role_read_only',
      'scope_not_allowed',
      'wrong_password',
      'same_as_username',
      'too_weak',
      'invalid_phone',
      'phone_needs_area_code',
      'invalid_email',
      'invalid_time_zone',
      'must_be_future',
      'invalid_cursor',
      // Customers, vehicles, imports and the catalog.
      'invalid_id_number',
      'invalid_id_number_checksum',
      'invalid_plate',
      'invalid_vin_length',
      'invalid_vin_characters',
      'invalid_vin_letters',
      'vin_check_digit',
      'invalid_date',
      'invalid_amount',
      'too_precise',
      'must_be_past',
      'out_of_range',
      'too_many',
      'duplicate',
      'unknown_province',
      'unknown_source',
      'unknown_customer',
      'unknown_model',
      'unknown_brand',
      'unknown_series',
      'unknown_column',
      'name_required',
      'no_header',
      'no_identifier',
      'missing_columns',
      'empty_file',
      'unreadable_file',
      'too_large',
      'too_many_rows',
      'ambiguous_match',
      'published_read_only',
      'same_customer',
      'same_owner',
    ];
    for (const lang of Object.keys(languages) as (keyof typeof languages)[]) {
      expect(
        codes.filter((code) => !has(lang, `errors.field.${code}`)),
        lang,
      ).toEqual([]);
    }
  });
});
