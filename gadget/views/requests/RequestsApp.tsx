/**
 * A person's requests page (`R/Requests/<User>`). To its owner: the requests sent to them,
 * each with Accept and Decline (one click, saved on their own page), their own requests and
 * what became of them, and, from an introduction's link, their say in a proposal. To anyone
 * else: the owner's requests and their states. The page's wikitext stays readable without
 * JavaScript (the templates).
 */
import { CdxButton, CdxTextArea } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import type { RequestRecord } from '../../../shared/connections/requests';
import { REQUEST_NOTE_MAX, type ProposalReplyValue } from '../../../shared/records/request';
import { topicLabel } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  AccountPrompt,
  AsyncState,
  CharacterCount,
  Notice,
  messageLookup,
  useEnv,
} from '../../kit';
import { useRequests, type LoadedRequests } from './use-requests';

const REPLIES: readonly ProposalReplyValue[] = ['yes', 'not-this-month', 'not-a-good-fit'];

export const RequestsApp = defineComponent({
  name: 'RequestsApp',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    owner: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    pageTitle: { type: String, required: true },
    /** `asker/r1` from the message's link: that request is shown first. */
    openRequest: { type: String as PropType<string | null>, default: null },
    /** A proposal id from an introduction's link: the reader's say in it. */
    openReply: { type: String as PropType<string | null>, default: null },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const r = useRequests({ ...props, now: env.now });
    const reason = ref('');

    const label = (d: LoadedRequests, id: string) => {
      const topic = d.taxonomy.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };
    const format = (f: string) =>
      t(
        `letsconnect-requests-format-${f === 'resource-sharing' ? 'resource-sharing' : 'one-to-one'}`,
      );
    const person = (name: string) => (
      <bdi>
        <a href={env.url(`User:${name}`)}>{name}</a>
      </bdi>
    );

    const incoming = (d: LoadedRequests, rec: RequestRecord) => {
      const answered = r.answerTo(rec);
      const note = d.notes.get(rec.key);
      return (
        <li
          class={['letsconnect-request', rec.key === props.openRequest ? 'is-opened' : '']}
          key={rec.key}
        >
          <p>
            {person(rec.asker)}{' '}
            {t(
              `letsconnect-requests-incoming-${rec.direction}`,
              label(d, rec.topic),
              format(rec.format),
            )}
          </p>
          {note ? (
            <blockquote class="letsconnect-request__note" dir="auto">
              {note}
            </blockquote>
          ) : null}
          {answered !== '' ? (
            <p class="letsconnect-request__answered">
              {t(`letsconnect-requests-answered-${answered}`)}
            </p>
          ) : (
            <div class="letsconnect-request__buttons">
              <CdxButton
                action="progressive"
                weight="primary"
                {...{ disabled: r.answerSave.busy.value }}
                onClick={() => void r.answer(rec, 'accept', t)}
              >
                {{ default: () => t('letsconnect-requests-accept') }}
              </CdxButton>
              <CdxButton
                {...{ disabled: r.answerSave.busy.value }}
                onClick={() => void r.answer(rec, 'decline', t)}
              >
                {{ default: () => t('letsconnect-requests-decline') }}
              </CdxButton>
            </div>
          )}
        </li>
      );
    };

    const stateText = (rec: RequestRecord) =>
      rec.state === 'refused'
        ? t(
            'letsconnect-requests-state-refused',
            t(`letsconnect-request-refusal-${rec.refusal ?? 'invalid'}`),
          )
        : t(`letsconnect-requests-state-${rec.state}`);

    const outgoing = (d: LoadedRequests) => {
      const records = new Map(
        (d.data?.requests ?? []).filter((x) => x.asker === props.owner).map((x) => [x.id, x]),
      );
      const own = r.mine
        ? r.items.value.requests
        : [...records.values()].map((x) => ({
            id: x.id,
            to: x.to,
            topic: x.topic,
            direction: x.direction,
          }));
      if (own.length === 0) return <p>{t('letsconnect-requests-none-sent')}</p>;
      return (
        <ul class="letsconnect-requests__list">
          {own.map((q) => {
            const rec = records.get(q.id);
            return (
              <li key={q.id}>
                {t(
                  `letsconnect-requests-sent-${q.direction === 'share' ? 'share' : 'learn'}`,
                  label(d, q.topic),
                )}{' '}
                {person(q.to)}
                {': '}
                <span class="letsconnect-requests__state">
                  {rec ? stateText(rec) : t('letsconnect-requests-state-waiting-bot')}
                </span>
              </li>
            );
          })}
        </ul>
      );
    };

    const replyBox = (proposal: string) => {
      const given = r.replyTo(proposal);
      return (
        <section class="letsconnect-requests__reply" aria-labelledby="letsconnect-reply-title">
          <h3 id="letsconnect-reply-title">{t('letsconnect-requests-reply-title', proposal)}</h3>
          {given ? <p>{t(`letsconnect-requests-replied-${given.reply || 'yes'}`)}</p> : null}
          <CdxTextArea
            class="letsconnect-requests__reason"
            modelValue={reason.value}
            {...{
              placeholder: t('letsconnect-requests-reply-reason'),
              'aria-label': t('letsconnect-requests-reply-reason'),
            }}
            onUpdate:modelValue={(v: string) => (reason.value = v)}
          />
          <CharacterCount value={reason.value} max={REQUEST_NOTE_MAX} />
          <div class="letsconnect-request__buttons">
            {REPLIES.map((value) => (
              <CdxButton
                action={value === 'yes' ? 'progressive' : 'default'}
                weight={value === 'yes' ? 'primary' : 'normal'}
                {...{
                  disabled: r.replySave.busy.value || [...reason.value].length > REQUEST_NOTE_MAX,
                }}
                onClick={() => void r.reply(proposal, value, reason.value, t)}
              >
                {{ default: () => t(`letsconnect-requests-reply-${value}`) }}
              </CdxButton>
            ))}
          </div>
          <Notice notice={r.replySave.notice.value} />
        </section>
      );
    };

    const loaded = (d: LoadedRequests) => {
      if (!r.mine)
        return [
          <p>{t('letsconnect-requests-others-page', props.owner)}</p>,
          <h3>{t('letsconnect-requests-sent-title')}</h3>,
          outgoing(d),
        ];
      const open = (d.data?.requests ?? [])
        .filter((x) => x.to === props.owner && x.state === 'open')
        .sort((a, b) => (a.key === props.openRequest ? -1 : b.key === props.openRequest ? 1 : 0));
      return [
        props.openReply ? replyBox(props.openReply) : null,
        <h3>{t('letsconnect-requests-incoming-title')}</h3>,
        <Notice notice={r.answerSave.notice.value} />,
        open.length === 0 ? (
          <p>{t('letsconnect-requests-none-incoming')}</p>
        ) : (
          <ul class="letsconnect-requests__list">{open.map((rec) => incoming(d, rec))}</ul>
        ),
        <h3>{t('letsconnect-requests-sent-title')}</h3>,
        outgoing(d),
        <p class="letsconnect-requests__directory">
          <a href={env.url(`${props.root}/Directory`)}>{t('letsconnect-requests-find')}</a>
        </p>,
      ];
    };

    return () => (
      <section class="letsconnect-requests" aria-labelledby="letsconnect-requests-title">
        <h2 id="letsconnect-requests-title">{t('letsconnect-requests-title')}</h2>
        {props.username === null && props.openReply ? (
          <AccountPrompt returnto={props.pageTitle}>
            {{ default: () => t('letsconnect-requests-login') }}
          </AccountPrompt>
        ) : null}
        <AsyncState
          state={r.loaded}
          loadingText={t('letsconnect-requests-loading')}
          failedText={(code: string) => t('letsconnect-requests-failed', code)}
        >
          {{ default: (d: unknown) => loaded(d as LoadedRequests) }}
        </AsyncState>
      </section>
    );
  },
});
