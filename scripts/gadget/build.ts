import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { REPO_DIR } from '../wiki/config';

export const GADGET_NAME = 'letsconnect';
const GADGET_DIR = path.join(REPO_DIR, 'gadget');
const I18N_DIR = path.join(REPO_DIR, 'shared/i18n');

export interface GadgetBuild {
  /** Gadget file name (as in the definition line) → content. */
  files: Record<string, string>;
  definitionLine: string;
  /** Bytes of our JavaScript: minified, and gzipped. */
  jsBytes: number;
  jsGzipBytes: number;
}

/** Every shared/i18n/<lang>.json except qqq (documentation, not shown to readers). */
function messagesPlugin(): esbuild.Plugin {
  return {
    name: 'letsconnect-messages',
    setup(build) {
      build.onResolve({ filter: /^letsconnect:messages$/ }, () => ({
        path: 'messages',
        namespace: 'letsconnect',
      }));
      build.onLoad({ filter: /.*/, namespace: 'letsconnect' }, () => {
        const bundle: Record<string, unknown> = {};
        const files = fs
          .readdirSync(I18N_DIR)
          .filter((f) => f.endsWith('.json') && f !== 'qqq.json');
        for (const file of files.sort()) {
          const messages = JSON.parse(fs.readFileSync(path.join(I18N_DIR, file), 'utf8')) as Record<
            string,
            unknown
          >;
          delete messages['@metadata'];
          bundle[file.replace(/\.json$/, '')] = messages;
        }
        return {
          contents: JSON.stringify(bundle),
          loader: 'json',
          watchFiles: files.map((f) => path.join(I18N_DIR, f)),
        };
      });
    },
  };
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
  const result = await esbuild.build({
    entryPoints: [path.join(GADGET_DIR, 'index.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    external: ['vue', '@wikimedia/codex'],
    plugins: [messagesPlugin()],
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const css = fs.readFileSync(path.join(GADGET_DIR, 'styles.css'), 'utf8');
  const definitionLine = fs
    .readFileSync(path.join(GADGET_DIR, 'gadget-definition.txt'), 'utf8')
    .trim();
  return {
    files: {
      [`${GADGET_NAME}.js`]: banner('js') + js.trim() + footer('js'),
      [`${GADGET_NAME}.css`]: banner('css') + css.trim() + footer('css'),
    },
    definitionLine,
    jsBytes: Buffer.byteLength(js),
    jsGzipBytes: zlib.gzipSync(js, { level: 9 }).length,
  };
}
