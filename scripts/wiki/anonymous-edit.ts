/**
 * A logged-out edit through the wiki's edit form (index.php), as a visitor's browser makes
 * it. With temporary accounts enabled (scripts/wiki/php/MetaLikeSettings.php) the wiki
 * creates a `~2026-1`-style account for it and saves the edit under that name. MediaWiki
 * 1.39 creates temporary accounts only from the edit form, not from the API.
 */

/** One browser session: a cookie jar over fetch. */
class Session {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  async edit(
    server: string,
    title: string,
    text: string,
    summary: string,
  ): Promise<AnonymousEditResult> {
    const formUrl = `${server}/index.php?${new URLSearchParams({ title, action: 'edit' })}`;
    const form = await this.fetch(formUrl);
    const html = await form.text();
    if (!form.ok) throw new Error(`GET edit form for ${title}: HTTP ${form.status}`);
    const body = new URLSearchParams({
      wpTextbox1: text,
      wpSummary: summary,
      wpEditToken: hiddenInput(html, 'wpEditToken'),
      wpStarttime: hiddenInput(html, 'wpStarttime'),
      wpEdittime: hiddenInput(html, 'wpEdittime'),
      wpUnicodeCheck: hiddenInput(html, 'wpUnicodeCheck'),
      wpUltimateParam: '1',
      wpSave: 'Save',
      model: 'wikitext',
      format: 'text/x-wiki',
    });
    const saved = await this.fetch(
      `${server}/index.php?${new URLSearchParams({ title, action: 'submit' })}`,
      { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    if (saved.status !== 302 && saved.status !== 303) {
      const page = await saved.text();
      const error =
        /<div class="(?:error|errorbox|mw-message-box-error)[^"]*">([\s\S]*?)<\/div>/.exec(page);
      throw new Error(
        `logged-out save of ${title} was not accepted (HTTP ${saved.status})${error ? `: ${(error[1] ?? '').replace(/<[^>]+>/g, '').trim()}` : ''}`,
      );
    }
    const query = new URLSearchParams({
      action: 'query',
      prop: 'revisions',
      titles: title,
      rvprop: 'user|ids',
      rvlimit: '1',
      format: 'json',
      formatversion: '2',
    });
    const answer = (await (await fetch(`${server}/api.php?${query}`)).json()) as {
      query?: { pages?: { revisions?: { user?: string; revid?: number }[] }[] };
    };
    const revision = answer.query?.pages?.[0]?.revisions?.[0];
    if (!revision?.user || revision.revid === undefined) {
      throw new Error(`no revision of ${title} after the logged-out save`);
    }
    return { user: revision.user, revid: revision.revid };
  }
}

function hiddenInput(html: string, name: string): string {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html);
  const value = match ? /value="([^"]*)"/.exec(match[0]) : null;
  if (!value) throw new Error(`the edit form has no ${name}`);
  return (value[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface AnonymousEditResult {
  /** Who the wiki recorded as the author of the new revision (a `~…` name, or an IP). */
  user: string;
  revid: number;
}

/**
 * Saves `text` as `title` logged out, through index.php, and returns the author the wiki
 * recorded (read back through the API).
 */
export function anonymousEdit(
  server: string,
  title: string,
  text: string,
  summary = 'logged-out edit',
): Promise<AnonymousEditResult> {
  return new Session().edit(server, title, text, summary);
}

/**
 * A visitor's browser: its first save creates the temporary account and logs it in, so its
 * later saves are that account's (to make a page named after it, such as its own profile).
 */
export function visitorSession(): {
  edit: (server: string, title: string, text: string) => Promise<AnonymousEditResult>;
} {
  const session = new Session();
  return { edit: (server, title, text) => session.edit(server, title, text, 'visitor edit') };
}
