import { CdxButton } from '@wikimedia/codex';
import { defineComponent, type PropType, type VNodeChild } from 'vue';
import { entryTopics, type DirectoryEntry } from '../../../shared/documents/documents';
import type { LanguageSkill } from '../../../shared/records/profile';
import { countryName, languageName, readerDate, timeIn, useEnv, type Translate } from '../../kit';

/** What a card shows: a directory entry, or a profile being edited (for the preview). */
export type CardData = Omit<DirectoryEntry, 'revid'>;

function levelText(t: Translate, skill: LanguageSkill, ui: string): string {
  const level =
    skill.level === 'N'
      ? t('letsconnect-gadget-card-level-native')
      : t('letsconnect-gadget-card-level', skill.level);
  return t('letsconnect-gadget-card-language', languageName(skill.code, ui), level);
}

/** Built from a string: a `\p{…}` literal is ES2018, newer than the build's ES2017 (scripts/gadget/es2017.ts). */
const NOT_LETTER_OR_DIGIT = new RegExp('[^\\p{L}\\p{N}]+', 'gu');

/**
 * One participant as others see them: what they can share and want to learn, their
 * languages and local time, and ways to reach them on-wiki. Every value is rendered as text.
 * Used by the directory and, with `preview`, by the form's "how others will see you".
 */
export const PersonCard = defineComponent({
  name: 'PersonCard',
  props: {
    person: { type: Object as PropType<CardData>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    /** The form's preview: no contact links (they would point at the reader themself). */
    preview: { type: Boolean, default: false },
    headingLevel: { type: Number as PropType<2 | 3 | 4>, default: 3 },
    /** Offer "Ask to connect" (the reader is a listed participant; this person takes requests). */
    askable: { type: Boolean, default: false },
    /** Why this person fits the reader ("Best for me"), in words, or ''. */
    fit: { type: String, default: '' },
  },
  emits: { ask: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';

    const row = (label: string, value: VNodeChild) => [<dt>{label}</dt>, <dd>{value}</dd>];

    /** Own topics, then those brought from the Capacity Exchange (said so), then free text. */
    const topicList = (
      ids: readonly string[],
      fromCapx: readonly string[],
      other: string,
      cls: string,
    ) => (
      <ul class={`letsconnect-card__topics ${cls}`}>
        {ids.map((id) => (
          <li>{props.topicLabel(id)}</li>
        ))}
        {fromCapx
          .filter((id) => !ids.includes(id))
          .map((id) => (
            <li class="letsconnect-card__capx">
              {t('letsconnect-gadget-card-from-capx', props.topicLabel(id))}
            </li>
          ))}
        {other === '' ? null : (
          <li class="letsconnect-card__other" dir="auto">
            {other}
          </li>
        )}
      </ul>
    );

    /** The card's facts, each a term and its description (none for what is not given). */
    const details = (p: CardData) => {
      const groups = p.groups.map((g) =>
        g.role === ''
          ? g.group
          : t('letsconnect-gadget-card-group-role', g.group, t(`letsconnect-role-${g.role}`)),
      );
      const local = p.timezone === '' ? null : timeIn(p.timezone, env.now(), ui);
      return [
        groups.length > 0
          ? row(
              t('letsconnect-gadget-card-groups'),
              <ul>
                {groups.map((g) => (
                  <li dir="auto">{g}</li>
                ))}
              </ul>,
            )
          : [],
        entryTopics(p, 'share').length > 0 || p.shareOther !== ''
          ? row(
              t('letsconnect-gadget-card-share'),
              topicList(p.share, p.capacityExchange?.share ?? [], p.shareOther, 'is-share'),
            )
          : [],
        entryTopics(p, 'learn').length > 0 || p.learnOther !== ''
          ? row(
              t('letsconnect-gadget-card-learn'),
              topicList(p.learn, p.capacityExchange?.learn ?? [], p.learnOther, 'is-learn'),
            )
          : [],
        p.languages.length > 0
          ? row(
              t('letsconnect-gadget-card-languages'),
              p.languages.map((l) => levelText(t, l, ui)).join(', '),
            )
          : [],
        local !== null
          ? row(
              t('letsconnect-gadget-card-local-time'),
              t('letsconnect-gadget-card-time-zone', local, p.timezone),
            )
          : [],
        p.formats.length > 0
          ? row(
              t('letsconnect-gadget-card-formats'),
              p.formats.map((f) => t(`letsconnect-format-${f}`)).join(', '),
            )
          : [],
      ].flat();
    };

    const links = (username: string) => (
      <p class="letsconnect-card__links">
        <a href={env.url(`User talk:${username}`, { action: 'edit', section: 'new' })}>
          {t('letsconnect-gadget-card-talk')}
        </a>
        <a href={env.url(`Special:EmailUser/${username}`)}>{t('letsconnect-gadget-card-email')}</a>
        {props.askable ? (
          <CdxButton class="letsconnect-card__ask" action="progressive" onClick={() => emit('ask')}>
            {{ default: () => t('letsconnect-ask-button') }}
          </CdxButton>
        ) : null}
      </p>
    );

    return () => {
      const p = props.person;
      const id = `letsconnect-card-${p.username.replace(NOT_LETTER_OR_DIGIT, '-')}`;
      const Heading = `h${props.headingLevel}` as 'h2' | 'h3' | 'h4';
      const where = [
        p.region === '' ? '' : t(`letsconnect-region-${p.region}`),
        p.country === '' ? '' : countryName(p.country, ui),
      ].filter((s) => s !== '');
      const snoozed = p.snoozeUntil !== '' && p.snoozeUntil >= env.now().toISOString().slice(0, 10);
      return (
        <article class="letsconnect-card" aria-labelledby={id}>
          <Heading class="letsconnect-card__name" id={id}>
            <bdi>
              {props.preview ? (
                p.username
              ) : (
                <a href={env.url(`User:${p.username}`)}>{p.username}</a>
              )}
            </bdi>
          </Heading>
          {where.length > 0 ? <p class="letsconnect-card__where">{where.join(' · ')}</p> : null}
          {snoozed ? (
            <p class="letsconnect-card__snoozed">
              {t('letsconnect-gadget-card-snoozed', readerDate(p.snoozeUntil, ui))}
            </p>
          ) : null}
          {props.fit === '' ? null : <p class="letsconnect-card__fit">{props.fit}</p>}
          <dl class="letsconnect-card__details">{details(p)}</dl>
          {p.about === '' ? null : (
            <p class="letsconnect-card__about" dir="auto">
              {p.about}
            </p>
          )}
          {props.preview ? null : links(p.username)}
        </article>
      );
    };
  },
});
