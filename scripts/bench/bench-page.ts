/**
 * A Chromium page for measuring a view with `npm run bench`: Vue and Codex as the wiki serves
 * them (globals from their own files), Codex's and the gadget's styles, then a bench entry
 * (gadget/bench/*.ts) bundled with Vue and Codex left to those globals.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { REPO_DIR } from '../wiki/config';

/** The bench page's script: `entry` with Vue and Codex left to the globals their files define. */
async function benchBundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(REPO_DIR, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2017',
    minify: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'globals',
        setup(build) {
          build.onResolve({ filter: /^(vue|@wikimedia\/codex)$/ }, (args) => ({
            path: args.path,
            namespace: 'global',
          }));
          build.onLoad({ filter: /.*/, namespace: 'global' }, (args) => ({
            contents: `module.exports = window.${args.path === 'vue' ? 'Vue' : 'codex'};`,
          }));
          // The kit's mounting code imports the gadget's message bundle; the bench never mounts
          // through it (it provides its own messages), so the bundle is left empty.
          build.onResolve({ filter: /^letsconnect:/ }, (args) => ({
            path: args.path,
            namespace: 'unused-messages',
          }));
          build.onLoad({ filter: /.*/, namespace: 'unused-messages' }, () => ({
            contents: '{}',
            loader: 'json',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A desktop-sized page with `body` as its content, Vue, Codex, the styles and `entry` loaded. */
export async function openBenchPage(
  browser: Browser,
  entry: string,
  body = '<div id="app"></div>',
): Promise<Page> {
  const vueDir = path.dirname(require.resolve('vue/package.json'));
  const codexDir = path.resolve(path.dirname(require.resolve('@wikimedia/codex')), '..');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(`<!doctype html><html lang="en"><body>${body}</body></html>`);
  await page.addScriptTag({ path: path.join(vueDir, 'dist/vue.global.prod.js') });
  await page.addScriptTag({ path: path.join(codexDir, 'dist/codex.umd.cjs') });
  await page.addStyleTag({
    content: fs.readFileSync(path.join(codexDir, 'dist/codex.style.css'), 'utf8'),
  });
  await page.addStyleTag({ path: path.join(REPO_DIR, 'gadget/styles.css') });
  await page.addScriptTag({ content: await benchBundle(entry) });
  return page;
}
