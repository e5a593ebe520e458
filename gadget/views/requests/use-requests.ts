/**
 * A requests page's state: the bot's record of requests, the reader's own page (their own
 * newest revision), the notes of requests sent to them (from their askers' pages, only as the
 * asker wrote them), and the one-click answers and replies, each saved on the reader's own page.
 */
import { computed, ref } from 'vue';
import { type RequestRecord } from '../../../shared/connections/requests';
import { requestsPageItems, setAnswer, setReply } from '../../../shared/connections/requests-page';
import { requestsPageTitle } from '../../../shared/pages';
import type { ProposalReplyValue, RequestAnswerValue } from '../../../shared/records/request';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  loadOwnRequests,
  loadRequestsData,
  pageNamed,
  saveOwnRequests,
  useLoad,
  useSave,
  type OwnRequestsPage,
  type RequestsData,
} from '../../kit';

export interface RequestsSource {
  client: WikiClient;
  root: string;
  botName: string;
  /** Whose page this is. */
  owner: string;
  /** The reader's named account, or null. */
  username: string | null;
  now: () => Date;
}

export interface LoadedRequests extends RequestsData {
  /** The reader's own page, when this is it. */
  own: OwnRequestsPage | null;
  /** Notes of requests sent to the reader, by request key, as their askers wrote them. */
  notes: Map<string, string>;
}

const stamp = (d: Date) => d.toISOString().slice(0, 16) + 'Z';

export function useRequests(source: RequestsSource) {
  const mine = source.username !== null && source.username === source.owner;
  const load = async (): Promise<LoadedRequests> => {
    const base = mine
      ? await loadOwnRequests(source.client, source.root, source.botName, source.owner)
      : { ...(await loadRequestsData(source.client, source.botName)), page: null };
    const incoming = (base.data?.requests ?? []).filter(
      (r) => r.to === source.owner && r.state === 'open',
    );
    const askers = [...new Set(incoming.map((r) => r.asker))];
    const notes = new Map<string, string>();
    if (mine && askers.length > 0) {
      const pages = await source.client.readPages(
        askers.map((a) => requestsPageTitle(source.root, a)),
      );
      for (const asker of askers) {
        const page = pageNamed(pages, requestsPageTitle(source.root, asker));
        // Only what the asker wrote: a note someone else put on their page is not theirs.
        if (!page?.exists || page.user !== asker) continue;
        for (const r of requestsPageItems(page.content ?? '').requests)
          if (r.note !== '') notes.set(`${asker}/${r.id}`, r.note);
      }
    }
    return { data: base.data, taxonomy: base.taxonomy, own: base.page, notes };
  };
  const loaded = useLoad(load);
  const own = ref<OwnRequestsPage | null>(null);
  const page = computed(() => own.value ?? loaded.data.value?.own ?? null);
  const items = computed(() => requestsPageItems(page.value?.text ?? ''));
  const answerSave = useSave('requests');
  const replySave = useSave('requests');

  /** The reader's answer to `r`, on their own page, if any. */
  const answerTo = (r: RequestRecord): RequestAnswerValue | '' =>
    items.value.answers.find((a) => a.from === r.asker && a.request === r.id)?.answer ?? '';

  async function answer(r: RequestRecord, value: RequestAnswerValue, text: (k: string) => string) {
    await answerSave.run(async () => {
      const first = page.value;
      if (!first || !source.username) return null;
      const result = await saveOwnRequests(
        source.client,
        first,
        source.username,
        text(`letsconnect-requests-summary-${value}`),
        (t) => ({
          text: setAnswer(t, {
            from: r.asker,
            request: r.id,
            answer: value,
            answered: stamp(source.now()),
          }),
        }),
      );
      if (!('saved' in result)) return 'stop' in result ? null : answerSave.failedNotice(result);
      own.value = result.saved;
      return { type: 'success', text: text(`letsconnect-requests-answered-${value}`) };
    });
  }

  const replyTo = (proposal: string) =>
    items.value.replies.find((r) => r.proposal === proposal) ?? null;

  async function reply(
    proposal: string,
    value: ProposalReplyValue,
    reason: string,
    text: (k: string) => string,
  ) {
    await replySave.run(async () => {
      const first = page.value;
      if (!first || !source.username) return null;
      const result = await saveOwnRequests(
        source.client,
        first,
        source.username,
        text('letsconnect-requests-summary-reply'),
        (t) => ({
          text: setReply(t, {
            proposal,
            reply: value,
            reason: value === 'not-a-good-fit' ? reason : '',
            replied: stamp(source.now()),
          }),
        }),
      );
      if (!('saved' in result)) return 'stop' in result ? null : replySave.failedNotice(result);
      own.value = result.saved;
      return { type: 'success', text: text(`letsconnect-requests-replied-${value}`) };
    });
  }

  return { mine, loaded, items, answerTo, answer, answerSave, replyTo, reply, replySave };
}
