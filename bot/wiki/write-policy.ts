/**
 * Where a client may write. The bot may write only under the program root and in its own
 * user space; the gadget deployer only to the gadget's pages. Everything else is refused,
 * whatever a task's input says.
 */
export type WritePurpose = 'page' | 'user-talk-message';

export class WritePolicy {
  private readonly roots: string[];

  /**
   * `roots`: titles that may be written, together with their subpages. `userTalkMessages`:
   * also a person's own talk page (not its subpages), and only to leave them a message.
   */
  constructor(
    roots: readonly string[],
    private readonly options: { userTalkMessages?: boolean } = {},
  ) {
    this.roots = roots.map(normalizeTitle);
  }

  allows(title: string, purpose: WritePurpose = 'page'): boolean {
    const t = normalizeTitle(title);
    if (purpose === 'user-talk-message')
      return Boolean(this.options.userTalkMessages) && /^User talk:[^/]+$/.test(t);
    return this.roots.some((root) => t === root || t.startsWith(`${root}/`));
  }

  describe(): string {
    return this.roots.map((r) => `"${r}"`).join(', ');
  }
}

/** The user whose own talk page `title` is (`User talk:Name`, no subpage), else null. */
export function talkPageOwner(title: string): string | null {
  const m = /^User talk:([^/]+)$/.exec(normalizeTitle(title));
  return m?.[1] ?? null;
}

/** Spaces for underscores, trimmed, first letter upper-cased (as MediaWiki does by default). */
export function normalizeTitle(title: string): string {
  const t = title.replace(/_/g, ' ').replace(/ +/g, ' ').trim();
  const colon = t.indexOf(':');
  const upperFirst = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
  if (colon > 0)
    return `${upperFirst(t.slice(0, colon).trim())}:${upperFirst(t.slice(colon + 1).trim())}`;
  return upperFirst(t);
}

export class WriteRefusedError extends Error {
  readonly code = 'write-refused';
  constructor(title: string, policy: WritePolicy) {
    super(
      `Refused to write "${title}": this client may only write ${policy.describe()} and their subpages.`,
    );
  }
}

export class TemporaryAccountMessageError extends Error {
  readonly code = 'temporary-account';
  constructor(title: string) {
    super(`Refused to write "${title}": temporary accounts are never messaged.`);
  }
}
