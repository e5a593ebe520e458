import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import * as esbuild from 'esbuild';
import { VIEWS, type ViewName } from '../../gadget/routes';
import { REPO_DIR } from '../wiki/config';
import { assertEs2017 } from './es2017';

/**
 * The loader every reader gets (`default`); the core every view shares (the kit, the API,
 * the messages, the styles); one hidden gadget per view, loaded only where the route table
 * (gadget/routes.ts) sends a page.
 */
export const GADGET_NAME = 'letsconnect';
export const CORE_GADGET_NAME = 'letsconnect-core';
/** Styles-only: the templates' styles, for every reader of the program's pages (gadget/pages.css). */
export const PAGES_GADGET_NAME = 'letsconnect-pages';
export const viewGadgetName = (view: ViewName): string => `letsconnect-${view}`;
const GADGET_DIR = path.join(REPO_DIR, 'gadget');
const I18N_DIR = path.join(REPO_DIR, 'shared/i18n');

/** A built module's size: minified, and gzipped (what a reader downloads). */
export interface ModuleSize {
  /** The gadget's name (`letsconnect`, `letsconnect-core`, `letsconnect-directory`…). */
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface GadgetBuild {
  /** Gadget file name (as in the definition line) → content. */
  files: Record<string, string>;
  /** Our lines of MediaWiki:Gadgets-definition: the loader's, the core's, one per view. */
  definitionLine: string;
  /** The loader, the core, then each view, in that order. */
  modules: ModuleSize[];
}

/** Messages only the bot writes (on-wiki pages, edit summaries, talk-page notes): not shipped to readers. */
const BOT_ONLY =
  /^letsconnect-(template|directory|maintenance|talk-note|bot|round|notice|match|clinics-bot|invitation|calendar-page|hot-topics|report-page|resource-page|translations)-/;

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

const KIT_ENTRY = path.join(GADGET_DIR, 'kit/index.ts');
/** The core's two indexes: the kit (components, composables) and the API it re-exports. */
const CORE_INDEXES = new Set([path.join(GADGET_DIR, 'kit'), path.join(GADGET_DIR, 'api')]);

/**
 * A view's bundle gets the kit from the core module at run time (ResourceLoader's require of
 * a dependency), never a copy of its own: one copy of the kit's state (the env injection key)
 * serves every view on a page (and one ApiError class for `instanceof`). Views import the kit
 * and the API only through their indexes (lint checks).
 */
function coreAsExternal(): esbuild.Plugin {
  return {
    name: 'letsconnect-core-external',
    setup(build) {
      build.onResolve({ filter: /(kit|api)$/ }, (args) =>
        CORE_INDEXES.has(path.resolve(args.resolveDir, args.path))
          ? { path: `ext.gadget.${CORE_GADGET_NAME}`, external: true }
          : undefined,
      );
    },
  };
}

/**
 * Bundles gadget/ into the loader, the core and one package gadget per view. Vue and Codex
 * stay external: ResourceLoader's require() provides them (dependencies in the definition
 * lines), as on Meta. Components are TSX on Vue's own JSX runtime, which is bundled (a few
 * lines that call Vue's `h`).
 */
export async function buildGadget(): Promise<GadgetBuild> {
  const bundle = async (entry: string, format: 'cjs' | 'iife', plugins: esbuild.Plugin[] = []) => {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format,
      platform: 'browser',
      target: 'es2017',
      minify: true,
      legalComments: 'none',
      jsx: 'automatic',
      jsxImportSource: 'vue',
      external: ['vue', '@wikimedia/codex'],
      // Vue's runtime as ES module: a few lines calling `h`, with no CommonJS interop around it.
      alias: {
        'vue/jsx-runtime': path.join(path.dirname(require.resolve('vue/jsx-runtime')), 'index.mjs'),
      },
      plugins: [messagesPlugin(), ...plugins],
      logLevel: 'silent',
    });
    return (result.outputFiles[0]?.text ?? '').trim();
  };
  const sources: Array<[string, string]> = [
    [GADGET_NAME, await bundle(path.join(GADGET_DIR, 'loader.ts'), 'iife')],
    [CORE_GADGET_NAME, await bundle(KIT_ENTRY, 'cjs')],
  ];
  for (const view of VIEWS) {
    const entry = path.join(GADGET_DIR, 'views', view, 'entry.ts');
    sources.push([viewGadgetName(view), await bundle(entry, 'cjs', [coreAsExternal()])]);
  }
  const css = fs.readFileSync(path.join(GADGET_DIR, 'styles.css'), 'utf8');
  const pagesCss = fs.readFileSync(path.join(GADGET_DIR, 'pages.css'), 'utf8');
  // The repository's file holds the loader's and the core's lines and one line for views,
  // `{view}` standing for each view's name.
  const template = fs
    .readFileSync(path.join(GADGET_DIR, 'gadget-definition.txt'), 'utf8')
    .trim()
    .split('\n');
  const definitionLine = template
    .flatMap((line) =>
      line.includes('{view}') ? VIEWS.map((v) => line.replace(/\{view\}/g, v)) : [line],
    )
    .join('\n');
  const scripts = Object.fromEntries(
    sources.map(([name, js]) => [`${name}.js`, banner('js') + js + footer('js')]),
  );
  // Meta validates gadget scripts as ES2017: fail here rather than there.
  assertEs2017(scripts);
  return {
    files: {
      ...scripts,
      [`${GADGET_NAME}.css`]: banner('css') + css.trim() + footer('css'),
      [`${PAGES_GADGET_NAME}.css`]: banner('css') + pagesCss.trim() + footer('css'),
      ...Object.fromEntries(
        otherLanguages().map((l) => [messagesFileName(l), JSON.stringify(gadgetMessages(l))]),
      ),
    },
    definitionLine,
    modules: sources.map(([name, js]) => ({
      name,
      bytes: Buffer.byteLength(js),
      gzipBytes: zlib.gzipSync(js, { level: 9 }).length,
    })),
  };
}
