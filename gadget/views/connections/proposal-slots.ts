/**
 * The round page as the wiki rendered it: one `div.letsconnect-proposal[data-proposal]` per
 * proposal (shared/templates/proposal.wikitext). The view adds its controls in a box right
 * after each, and after a save puts the wiki's own rendering of the new proposal in place,
 * so the page shows the new status without a reload.
 */
import { markRaw } from 'vue';

export interface ProposalSlot {
  id: string;
  /** The wiki-rendered proposal (replaced after a save). */
  element: HTMLElement;
  /** The box the view renders into, the proposal's next sibling. */
  tools: HTMLElement;
}

/**
 * A box after each proposal rendered in `content` (the first of a repeated id only), in the
 * reader's language and direction, as the app is.
 */
export function createProposalSlots(
  content: ParentNode,
  lang: string,
  dir: string,
): ProposalSlot[] {
  const slots: ProposalSlot[] = [];
  const seen = new Set<string>();
  for (const element of content.querySelectorAll<HTMLElement>(
    '.letsconnect-proposal[data-proposal]',
  )) {
    const id = (element.dataset.proposal ?? '').trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const tools = document.createElement('div');
    tools.className = 'letsconnect-proposal-tools';
    tools.lang = lang;
    tools.dir = dir;
    element.after(tools);
    slots.push(markRaw({ id, element, tools }));
  }
  return slots;
}

/** Turns a template call into the wiki's HTML for it (action=parse in the wiki). */
export type RenderWikitext = (wikitext: string) => Promise<string>;

/** A proposal's new status and template call, for refreshProposals. */
export interface ProposalUpdate {
  slot: ProposalSlot;
  status: string;
  wikitext: string;
}

/**
 * Shows each new status on its proposal at once, then swaps in the wiki's rendering of the
 * new template calls, all rendered in one request (a bulk review of 200 is one parse, not 200).
 * If rendering fails the status attributes stay, and the view's own message says what
 * happened.
 */
export async function refreshProposals(
  updates: readonly ProposalUpdate[],
  render: RenderWikitext | null,
): Promise<void> {
  for (const u of updates) u.slot.element.dataset.status = u.status;
  if (!render || updates.length === 0) return;
  let html: string;
  try {
    html = await render(updates.map((u) => u.wikitext).join('\n'));
  } catch {
    return;
  }
  // Parsed inert (a <template> loads and runs nothing), then moved into the page.
  const holder = document.createElement('template');
  holder.innerHTML = html;
  const fresh = holder.content.querySelectorAll<HTMLElement>('.letsconnect-proposal');
  updates.forEach(({ slot }, i) => {
    const element = fresh[i];
    if (!element || !slot.element.isConnected) return;
    slot.element.replaceWith(element);
    slot.element = element;
  });
}
