import fs from 'node:fs';
import path from 'node:path';
import {
  LABEL_DATA_TITLE,
  LABEL_MODULE_TITLE,
  labelData,
  type LabelData,
} from '../../shared/labels/labels';
import { publishedTranslationsPrefix } from '../../shared/pages';
import { DEFAULT_BOT_NAME } from '../../shared/program';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { TEMPLATES, templatePageTitle, type TemplateId } from '../../shared/templates/index';
import { REPO_DIR } from '../wiki/config';

const TEMPLATES_DIR = path.join(REPO_DIR, 'shared/templates');
const I18N_DIR = path.join(REPO_DIR, 'shared/i18n');

function messageFiles(): Record<string, Record<string, string>> {
  const files: Record<string, Record<string, string>> = {};
  for (const file of fs.readdirSync(I18N_DIR).filter((f) => f.endsWith('.json'))) {
    const messages = JSON.parse(fs.readFileSync(path.join(I18N_DIR, file), 'utf8')) as Record<
      string,
      string
    >;
    delete messages['@metadata'];
    files[file.replace(/\.json$/, '')] = messages;
  }
  return files;
}

/**
 * Names from Node's own CLDR data (Intl), for every two-letter code it can name, in each
 * language: countries (`NG`) and languages (`es`), as the gadget gets them from the browser's
 * (MediaWiki names languages in the reader's language only with the CLDR extension; the
 * module asks it for the codes not here).
 */
function cldrNames(
  languages: readonly string[],
  type: 'region' | 'language',
): Record<string, Record<string, string>> {
  const first = type === 'region' ? 65 : 97;
  const out: Record<string, Record<string, string>> = {};
  for (const language of languages) {
    const names = new Intl.DisplayNames([language, 'en'], { type, fallback: 'code' });
    const table: Record<string, string> = {};
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(first + i, first + j);
        const name = names.of(code);
        if (name !== undefined && name !== code) table[code] = name;
      }
    }
    out[language] = table;
  }
  return out;
}

/**
 * The label module's data page: messages and topics from the repository, CLDR's names, and
 * where the bot publishes the community's translations (the module reads them first in their
 * language, as the gadget does: the same bot account the gadget reads).
 */
export function labelDataPage(): LabelData & {
  countries: Record<string, Record<string, string>>;
  languageNames: Record<string, Record<string, string>>;
  communityTranslations: string;
} {
  const data = labelData(messageFiles(), defaultTaxonomy());
  const languages = Object.keys(data.messages);
  return {
    ...data,
    countries: cldrNames(languages, 'region'),
    languageNames: cldrNames(languages, 'language'),
    communityTranslations: publishedTranslationsPrefix(DEFAULT_BOT_NAME),
  };
}

/**
 * The program's content pages that must stay in step with the gadget and the bot: its
 * templates, the label module and the module's data (labels from shared/i18n and the
 * taxonomy). The seed writes them on the local wiki; the deploy keeps them equal on a wiki.
 */
export function contentPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const id of Object.keys(TEMPLATES) as TemplateId[]) {
    pages[templatePageTitle(id)] = fs.readFileSync(
      path.join(TEMPLATES_DIR, TEMPLATES[id].file),
      'utf8',
    );
  }
  pages[LABEL_MODULE_TITLE] = fs.readFileSync(path.join(TEMPLATES_DIR, 'labels.lua'), 'utf8');
  pages[LABEL_DATA_TITLE] = JSON.stringify(labelDataPage());
  return pages;
}
