/**
 * Gadget component tests fail on Vue warnings: they point at real mistakes (a missing
 * prop, a bad slot). One known warning from Codex itself is let through: CdxButton reads
 * its default slot outside render to detect icon-only buttons, which Vue 3.5 warns about.
 */
import { config } from '@vue/test-utils';

const KNOWN_CODEX_WARNINGS = [/Slot "default" invoked outside of the render function/];

config.global.config.warnHandler = (message: string) => {
  if (KNOWN_CODEX_WARNINGS.some((re) => re.test(message))) return;
  throw new Error(`Vue warning: ${message}`);
};

// jsdom has no scrollIntoView; Codex's dialog calls it 500 ms after focusing a link or field
// in the dialog's body (the withdraw dialog's link to revision deletion).
if (typeof Element.prototype.scrollIntoView !== 'function')
  Element.prototype.scrollIntoView = () => undefined;
