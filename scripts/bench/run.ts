import { buildGadget } from '../gadget/build';

/**
 * npm run bench: every performance claim, measured in this run and printed against its
 * bound. Later tasks add their measurements here.
 */
const GADGET_GZIP_BUDGET = 50 * 1024; // DESIGN.md: "our bundle small (tens of KB)"

async function main(): Promise<void> {
  const build = await buildGadget();
  const ratio = build.jsGzipBytes / GADGET_GZIP_BUDGET;
  console.log('benchmark                     measured        bound      ratio');
  console.log(
    `gadget bundle (gzipped)  ${(build.jsGzipBytes / 1024).toFixed(1).padStart(10)} KiB ${(GADGET_GZIP_BUDGET / 1024).toFixed(0).padStart(8)} KiB ${ratio.toFixed(3).padStart(10)}`,
  );
  console.log(`gadget bundle (minified) ${(build.jsBytes / 1024).toFixed(1).padStart(10)} KiB`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
