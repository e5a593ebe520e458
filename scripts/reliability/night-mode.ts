/**
 * Night mode: the sample program on a wiki of its own, the bot's whole pipeline run over it,
 * the gadget deployed, then the program's main pages (root, a profile, the directory, a
 * round, the calendar, a clinic, the report) opened in Chromium in light mode and in Vector
 * 2022's night mode (test/support/night-mode.ts), counting the text that axe-core's
 * colour-contrast rule (and the SVG text check) finds under WCAG AA.
 */
import { DEFAULT_ROOT } from '../../shared/program';
import { checkContrast, mainPages, type ContrastResult } from '../../test/support/night-mode';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { withDeployedProgram } from './wiki-stack';

export interface NightModeResult {
  botExit: number;
  results: ContrastResult[];
}

export async function runNightMode(options: {
  port: number;
  mode: 'short' | 'full';
  log: (line: string) => void;
}): Promise<NightModeResult> {
  const { botExit, value: results } = await withDeployedProgram(options, async (stack, browser) =>
    checkContrast(browser, await mainPages(stack.wiki, DEFAULT_ROOT)),
  );
  for (const r of results) {
    options.log(`${r.mode} ${r.name}: ${r.problems.length} contrast failures`);
    for (const p of r.problems.slice(0, 5)) options.log(`  ${p.target}: ${p.detail}`);
  }
  return { botExit, results };
}

export function nightModeFigures(result: NightModeResult): Figure[] {
  const count = (mode: 'light' | 'night') =>
    result.results.filter((r) => r.mode === mode).reduce((n, r) => n + r.problems.length, 0);
  return [
    { measure: 'pages checked for contrast (light and night)', value: result.results.length },
    { measure: 'light-mode contrast violations', value: count('light'), target: 0 },
    { measure: 'night-mode contrast violations', value: count('night'), target: 0 },
  ];
}

export const nightModeSection: ReliabilitySection = {
  name: 'night-mode',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runNightMode({
      port: Number(process.env.LETSCONNECT_RELIABILITY_NIGHT_PORT ?? 8087),
      mode: options.mode,
      log: options.log,
    });
    return nightModeFigures(result);
  },
};
