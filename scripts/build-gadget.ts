import fs from 'node:fs';
import path from 'node:path';
import { buildGadget } from './gadget/build';
import { REPO_DIR } from './wiki/config';

/** npm run build: writes the gadget's files into dist/gadget/ and prints their sizes. */
async function main(): Promise<void> {
  const build = await buildGadget();
  const out = path.join(REPO_DIR, 'dist/gadget');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, content] of Object.entries(build.files))
    fs.writeFileSync(path.join(out, name), content);
  fs.writeFileSync(path.join(out, 'Gadgets-definition.txt'), build.definitionLine + '\n');
  console.log(
    `Built ${Object.keys(build.files).join(', ')} into ${path.relative(process.cwd(), out) || out}`,
  );
  // The loader is on every page; the core and a view only on the program's pages that show it.
  for (const m of build.modules)
    console.log(
      `${m.name.padEnd(24)} ${(m.bytes / 1024).toFixed(1).padStart(6)} KiB minified ${(m.gzipBytes / 1024).toFixed(1).padStart(6)} KiB gzipped`,
    );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
