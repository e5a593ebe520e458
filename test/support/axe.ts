import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** The failing elements' selectors, so a failure in CI says where it was. */
  targets: string[];
}

/**
 * Runs axe-core inside the page on `selector` (our gadget, not the skin) and returns serious and
 * critical violations. It first lets running transitions end (a Codex dialog fades in, a checkbox
 * fills over 100 ms): axe measured a half-faded label's contrast once in CI. Endless animations
 * (a progress bar) are not waited for, and the wait is bounded.
 */
export async function seriousViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (ctx: unknown) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const browserWindow = globalThis as unknown as {
      document: {
        getAnimations: () => {
          effect: { getTiming: () => { iterations?: number } } | null;
          finished: Promise<unknown>;
        }[];
      };
    };
    const ending = browserWindow.document
      .getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined));
    await Promise.race([Promise.all(ending), new Promise((done) => setTimeout(done, 5_000))]);
    const result = await axe.run({ include: [[sel]] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.length,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
  }, selector);
}
