import fs from 'node:fs';
import path from 'node:path';
import { botMessages } from '../../../bot/i18n';

const I18N = path.join(__dirname, '../../../shared/i18n');
const languages = fs
  .readdirSync(I18N)
  .filter((f) => f.endsWith('.json') && f !== 'qqq.json')
  .map((f) => f.replace('.json', ''));

describe('bot messages (banana-i18n over shared/i18n)', () => {
  it.each(languages)(
    'every %s message renders with parameters, without leftover syntax',
    (lang) => {
      const { t } = botMessages(lang);
      const keys = Object.keys(
        JSON.parse(fs.readFileSync(path.join(I18N, `${lang}.json`), 'utf8')) as object,
      ).filter((k) => k !== '@metadata');
      for (const key of keys) {
        const text = t(key, 'P1', 2, 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9');
        expect({ key, text }).toEqual({ key, text: expect.not.stringMatching(/\{\{|\}\}|\$\d/) });
      }
    },
  );

  it('falls back to English for a language without the message, and fills parameters', () => {
    expect(botMessages('xx').t('letsconnect-directory-page-intro', 1)).toContain('one participant');
    expect(botMessages('fr').t('letsconnect-maintenance-col-since')).toBe('Depuis');
  });
});
