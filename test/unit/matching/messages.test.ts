import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCH_KEYS } from '../../../shared/matching/types';

const I18N = join(__dirname, '../../../shared/i18n');
const messages = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Record<string, string>;

describe('matching messages', () => {
  it('are exactly the keys the engine emits, in English', () => {
    const en = Object.keys(messages('en.json')).filter((k) => k.startsWith('letsconnect-match-'));
    expect(en.sort()).toEqual([...MATCH_KEYS].sort());
  });

  it.each(readdirSync(I18N).filter((f) => f.endsWith('.json')))(
    '%s has every one, without template syntax other than PLURAL',
    (file) => {
      const m = messages(file);
      for (const key of MATCH_KEYS) {
        expect(m[key]).toEqual(expect.any(String));
        expect((m[key] ?? '').replace(/\{\{PLURAL:\$\d\|[^{}]*\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
      }
    },
  );
});
