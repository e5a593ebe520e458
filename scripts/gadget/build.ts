import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import * as esbuild from 'esbuild';
import { REPO_DIR } from '../wiki/config';

/** The loader every reader gets (`default`), and the app it loads where the program is. */
export const GADGET_NAME = 'letsconnect';
export const APP_GADGET_NAME = 'letsconnect-app';
const GADGET_DIR = path.join(REPO_DIR, 'gadget');
const I18N_DIR = path.join(REPO_DIR, 'shared/i18n');

export interface GadgetBuild {
  /** Gadget file name (as in the definition line) → content. */
  files: Record<string, string>;
  /** Our lines of MediaWiki:Gadgets-definition (the loader's, then the app's). */
  definitionLine: string;
  /** Bytes of the app's JavaScript: minified, and gzipped. */
  jsBytes: number;
  jsGzipBytes: number;
  /** Bytes of the loader, which every page of the wiki loads: minified, and gzipped. */
  loaderBytes: number;
  loaderGzipBytes: number;
}

/** Messages only the bot writes (on-wiki pages, edit summaries, talk-page notes): not shipped to readers. */
const BOT_ONLY =
  /^letsconnect-(directory|maintenance|talk-note|bot|round|notice|match|clinics-bot|invitation|calendar-page|hot-topics|report-page|resource-page)-/;

/** A language's messages for the gadget, from shared/i18n/<lang>.json. */
function gadgetMessages(language: string): Record<string, string> {
  const all = JSON.parse(
    fs.readFileSync(path.join(I18N_DIR, `${language}.json`), 'utf8'),
  ) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(all).filter(([key]) => key !== '@metadata' && !BOT_ONLY.test(key)),
  );
}

/** Languages with a message file, besides English (bundled) and qqq (documentation). */
function otherLanguages(): string[] {
  return fs
    .readdirSync(I18N_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'qqq.json' && f !== 'en.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/**
 * English ships in the bundle; every other language is a JSON page of its own, which the
 * gadget fetches only for a reader whose language chain has it: the bundle stays small and
 * does not grow with each new language. `letsconnect:messages` is `{ en: {...} }`;
 * `letsconnect:message-languages` lists the others with a version that changes with them.
 */
function messagesPlugin(): esbuild.Plugin {
  return {
    name: 'letsconnect-messages',
    setup(build) {
      build.onResolve({ filter: /^letsconnect:(messages|message-languages)$/ }, (args) => ({
        path: args.path.slice('letsconnect:'.length),
        namespace: 'letsconnect',
      }));
      build.onLoad({ filter: /.*/, namespace: 'letsconnect' }, (args) => {
        const contents =
          args.path === 'messages'
            ? JSON.stringify({ en: gadgetMessages('en') })
            : JSON.stringify({ languages: otherLanguages(), version: messagesVersion() });
        const watchFiles = fs.readdirSync(I18N_DIR).map((f) => path.join(I18N_DIR, f));
        return { contents, loader: 'json', watchFiles };
      });
    },
  };
}

/** Changes whenever any language's gadget messages change: the fetch URL carries it, so caches refresh. */
function messagesVersion(): string {
  const hash = crypto.createHash('sha256');
  for (const language of otherLanguages()) hash.update(JSON.stringify(gadgetMessages(language)));
  return hash.digest('hex').slice(0, 12);
}

/** File name of a language's messages page (MediaWiki:Gadget-<this>). */
export function messagesFileName(language: string): string {
  return `${GADGET_NAME}-messages-${language}.json`;
}

// No commit id in the banner: a commit that does not touch the gadget must leave its pages
// unchanged (the edit summary names the commit instead).
function banner(kind: 'js' | 'css'): string {
  const text =
    "Generated from the Let's Connect repository: do not edit here; edit in the repository and deploy.";
  // <nowiki> guards keep signatures (~~~~), links and templates in the code inert should
  // the page ever be parsed as wikitext (e.g. by a substitution in an edit request).
  return kind === 'js' ? `// ${text}\n// <nowiki>\n` : `/* ${text} */\n/* <nowiki> */\n`;
}

function footer(kind: 'js' | 'css'): string {
  return kind === 'js' ? '\n// </nowiki>\n' : '\n/* </nowiki> */\n';
}

/**
 * Bundles gadget/ into one package-gadget file. Vue and Codex stay external: ResourceLoader's
 * require() provides them (dependencies in the definition line), as on Meta.
 */
export async function buildGadget(): Promise<GadgetBuild> {
  const bundle = async (entry: string, format: 'cjs' | 'iife') => {
    const result = await esbuild.build({
      entryPoints: [path.join(GADGET_DIR, entry)],
      bundle: true,
      write: false,
      format,
      platform: 'browser',
      target: 'es2017',
      minify: true,
      legalComments: 'none',
      external: ['vue', '@wikimedia/codex'],
      plugins: [messagesPlugin()],
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  };
  const js = await bundle('index.ts', 'cjs');
  const loader = await bundle('loader.ts', 'iife');
  const css = fs.readFileSync(path.join(GADGET_DIR, 'styles.css'), 'utf8');
  const definitionLine = fs
    .readFileSync(path.join(GADGET_DIR, 'gadget-definition.txt'), 'utf8')
    .trim();
  return {
    files: {
      [`${GADGET_NAME}.js`]: banner('js') + loader.trim() + footer('js'),
      [`${APP_GADGET_NAME}.js`]: banner('js') + js.trim() + footer('js'),
      [`${GADGET_NAME}.css`]: banner('css') + css.trim() + footer('css'),
      ...Object.fromEntries(
        otherLanguages().map((l) => [messagesFileName(l), JSON.stringify(gadgetMessages(l))]),
      ),
    },
    definitionLine,
    jsBytes: Buffer.byteLength(js),
    jsGzipBytes: zlib.gzipSync(js, { level: 9 }).length,
    loaderBytes: Buffer.byteLength(loader),
    loaderGzipBytes: zlib.gzipSync(loader, { level: 9 }).length,
  };
}
