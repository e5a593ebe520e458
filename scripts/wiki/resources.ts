import fs from 'node:fs';
import path from 'node:path';
import type { LocalWiki } from './config';

/**
 * Writes the files behind the local wiki's `vue` and `@wikimedia/codex` modules
 * (registered in php/MetaLikeSettings.php): Vue 3.5 and Codex 2.x from the npm packages,
 * the versions Meta serves, instead of what MediaWiki 1.39 ships. Cheap; run on every `up`.
 */
export function writeResourceLoaderFiles(wiki: LocalWiki): { vue: string; codex: string } {
  const rl = path.join(wiki.dir, 'rl');
  fs.mkdirSync(path.join(rl, 'vue'), { recursive: true });
  fs.mkdirSync(path.join(rl, 'codex'), { recursive: true });

  const vueDir = path.dirname(require.resolve('vue/package.json'));
  // Codex's package exports do not include package.json: find its folder from the main entry.
  const codexDir = path.resolve(path.dirname(require.resolve('@wikimedia/codex')), '..');
  const vueVersion = (
    JSON.parse(fs.readFileSync(path.join(vueDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const codexVersion = (
    JSON.parse(fs.readFileSync(path.join(codexDir, 'package.json'), 'utf8')) as { version: string }
  ).version;

  const here = __dirname;
  // Vue's global build declares `var Vue` without exporting it, as MediaWiki core notes.
  const vue = `${fs.readFileSync(path.join(vueDir, 'dist/vue.global.prod.js'), 'utf8')}\n;module.exports=Vue;\n`;
  writeIfChanged(path.join(rl, 'vue/vue.js'), vue);
  writeIfChanged(
    path.join(rl, 'vue/index.js'),
    fs.readFileSync(path.join(here, 'rl/vue-index.js'), 'utf8'),
  );
  writeIfChanged(
    path.join(rl, 'vue/i18n.js'),
    fs.readFileSync(path.join(here, 'rl/vue-i18n.js'), 'utf8'),
  );
  writeIfChanged(
    path.join(rl, 'codex/codex.js'),
    fs.readFileSync(path.join(codexDir, 'dist/codex.umd.cjs'), 'utf8'),
  );
  for (const css of ['codex.style.css', 'codex.style-rtl.css']) {
    writeIfChanged(
      path.join(rl, 'codex', css),
      fs.readFileSync(path.join(codexDir, 'dist', css), 'utf8'),
    );
  }
  return { vue: vueVersion, codex: codexVersion };
}

function writeIfChanged(file: string, content: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return;
  fs.writeFileSync(file, content);
}
