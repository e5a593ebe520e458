/**
 * What the profile form brings from elsewhere for its owner: their record from the program's
 * earlier directory (which the bot's `earlier` command offers in `User:<bot>/Earlier
 * records.json`, since neither letsconn nor the Capacity Exchange can be called from a page
 * on Meta: no CORS, and Meta's Content Security Policy; read with the profile page, in the
 * same request), and the topics the bot brought from their Capacity Exchange profile (in
 * their directory entry), read only for someone who opted in.
 */
import type { CapacityExchangeTopics, EarlierRecord } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { directoryIndexTitle } from '../../../shared/pages';
import type { Profile } from '../../../shared/records/profile';
import type { WikiClient } from '../../../shared/wiki-client';
import { pageNamed } from '../../api';
import type { OwnProfile } from './profile-page';

export interface FromElsewhere {
  earlier: EarlierRecord | null;
  capx: CapacityExchangeTopics | null;
}

export async function loadFromElsewhere(
  client: WikiClient,
  botName: string,
  own: OwnProfile,
): Promise<FromElsewhere> {
  const out: FromElsewhere = { earlier: own.earlier ?? null, capx: null };
  if (!own.profile?.fromCapx || own.profile.withdrawn) return out;
  const indexTitle = directoryIndexTitle(botName);
  const index = pageNamed(await client.readPages([indexTitle]), indexTitle);
  const doc = readDocument(index?.content ?? '', 'directory-index').document;
  const shard = doc?.shards.find((s) => s.first <= own.username && own.username <= s.last);
  if (shard) {
    const page = pageNamed(await client.readPages([shard.title]), shard.title);
    const entries = readDocument(page?.content ?? '', 'directory-shard').document?.entries;
    out.capx = entries?.find((e) => e.username === own.username)?.capacityExchange ?? null;
  }
  return out;
}

/**
 * The form filled in from an earlier record: its answers where it has them, the form's own
 * elsewhere; languages at the level a new row starts with, for the person to set.
 */
export function withEarlierRecord(form: Profile, r: EarlierRecord): Profile {
  return {
    ...form,
    groups: r.group === '' ? form.groups : [{ group: r.group, role: '' }],
    region: r.region === '' ? form.region : (r.region as Profile['region']),
    languages:
      r.languages.length === 0 ? form.languages : r.languages.map((code) => ({ code, level: '3' })),
    learn: r.learn.length === 0 ? form.learn : [...r.learn],
    share: r.share.length === 0 ? form.share : [...r.share],
    learnOther: r.learnOther || form.learnOther,
    shareOther: r.shareOther || form.shareOther,
  };
}
