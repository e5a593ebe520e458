/**
 * The {{bots}} / {{nobots}} exclusion convention (Template:Bots on Wikimedia wikis), checked
 * before any message is left on a user's talk page:
 *   {{nobots}}                    no bot may post
 *   {{bots}}                      every bot may post
 *   {{bots|allow=A,B}}            only the listed bots ("all" / "none" allowed)
 *   {{bots|deny=A,B}}             every bot but the listed ones ("all" / "none" allowed)
 *   {{bots|optout=all}}           no message of any kind
 *   {{bots|optout=letsconnect}}   no Let's Connect message (the convention's message types)
 */

/** The message type people name in {{bots|optout=…}} to refuse this program's messages. */
export const OPTOUT_TYPE = 'letsconnect';

const TEMPLATE = /\{\{\s*(nobots|bots)\s*(\|[^}]*)?\}\}/gi;

function names(list: string): string[] {
  return list
    .split(',')
    .map((n) => n.trim().replace(/_/g, ' ').toLowerCase())
    .filter(Boolean);
}

/** True when `botName` may post on a page with this wikitext. */
export function botMayPost(wikitext: string, botName: string): boolean {
  const me = botName.replace(/_/g, ' ').toLowerCase();
  for (const match of wikitext.matchAll(TEMPLATE)) {
    const name = match[1]!.toLowerCase();
    const params = (match[2] ?? '').slice(1);
    if (name === 'nobots') return false;
    for (const param of params.split('|')) {
      const eq = param.indexOf('=');
      if (eq < 0) continue;
      const key = param.slice(0, eq).trim().toLowerCase();
      const listed = names(param.slice(eq + 1));
      if (key === 'allow') {
        if (listed.includes('none')) return false;
        if (!(listed.includes('all') || listed.includes(me))) return false;
      } else if (key === 'deny') {
        if (listed.includes('all') || listed.includes(me)) return false;
      } else if (key === 'optout') {
        if (listed.includes('all') || listed.includes(OPTOUT_TYPE)) return false;
      }
    }
  }
  return true;
}
