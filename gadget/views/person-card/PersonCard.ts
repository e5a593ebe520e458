import { defineComponent, h, type PropType, type VNode } from 'vue';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import type { LanguageSkill } from '../../../shared/records/profile';
import { useEnv, type Translate } from '../../kit';
import { countryName, languageName, readerDate, timeIn } from '../../kit';

/** What a card shows: a directory entry, or a profile being edited (for the preview). */
export type CardData = Omit<DirectoryEntry, 'revid'>;

function levelText(t: Translate, skill: LanguageSkill, ui: string): string {
  const level =
    skill.level === 'N'
      ? t('letsconnect-gadget-card-level-native')
      : t('letsconnect-gadget-card-level', skill.level);
  return t('letsconnect-gadget-card-language', languageName(skill.code, ui), level);
}

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
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';

    const row = (label: string, value: VNode | string | Array<VNode | string>): VNode[] => [
      h('dt', label),
      h('dd', Array.isArray(value) ? value : [value]),
    ];

    const topicList = (ids: readonly string[], other: string, cls: string): VNode =>
      h('ul', { class: `letsconnect-card__topics ${cls}` }, [
        ...ids.map((id) => h('li', props.topicLabel(id))),
        ...(other === ''
          ? []
          : [h('li', { class: 'letsconnect-card__other', dir: 'auto' }, other)]),
      ]);

    return () => {
      const p = props.person;
      const id = `letsconnect-card-${p.username.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
      const where = [
        p.region === '' ? '' : t(`letsconnect-region-${p.region}`),
        p.country === '' ? '' : countryName(p.country, ui),
      ].filter((s) => s !== '');
      const details: VNode[] = [];
      if (p.groups.length > 0) {
        const groups = p.groups.map((g) =>
          g.role === ''
            ? g.group
            : t('letsconnect-gadget-card-group-role', g.group, t(`letsconnect-role-${g.role}`)),
        );
        details.push(
          ...row(
            t('letsconnect-gadget-card-groups'),
            h(
              'ul',
              groups.map((g) => h('li', { dir: 'auto' }, g)),
            ),
          ),
        );
      }
      if (p.share.length > 0 || p.shareOther !== '')
        details.push(
          ...row(t('letsconnect-gadget-card-share'), topicList(p.share, p.shareOther, 'is-share')),
        );
      if (p.learn.length > 0 || p.learnOther !== '')
        details.push(
          ...row(t('letsconnect-gadget-card-learn'), topicList(p.learn, p.learnOther, 'is-learn')),
        );
      if (p.languages.length > 0)
        details.push(
          ...row(
            t('letsconnect-gadget-card-languages'),
            p.languages.map((l) => levelText(t, l, ui)).join(', '),
          ),
        );
      const local = p.timezone === '' ? null : timeIn(p.timezone, env.now(), ui);
      if (local !== null)
        details.push(
          ...row(
            t('letsconnect-gadget-card-local-time'),
            t('letsconnect-gadget-card-time-zone', local, p.timezone),
          ),
        );
      if (p.formats.length > 0)
        details.push(
          ...row(
            t('letsconnect-gadget-card-formats'),
            p.formats.map((f) => t(`letsconnect-format-${f}`)).join(', '),
          ),
        );
      const snoozed = p.snoozeUntil !== '' && p.snoozeUntil >= env.now().toISOString().slice(0, 10);
      const links = props.preview
        ? []
        : [
            h(
              'a',
              { href: env.url(`User talk:${p.username}`, { action: 'edit', section: 'new' }) },
              t('letsconnect-gadget-card-talk'),
            ),
            h(
              'a',
              { href: env.url(`Special:EmailUser/${p.username}`) },
              t('letsconnect-gadget-card-email'),
            ),
          ];
      return h('article', { class: 'letsconnect-card', 'aria-labelledby': id }, [
        h(`h${props.headingLevel}`, { class: 'letsconnect-card__name', id }, [
          h('bdi', [
            props.preview
              ? p.username
              : h('a', { href: env.url(`User:${p.username}`) }, p.username),
          ]),
        ]),
        where.length > 0 ? h('p', { class: 'letsconnect-card__where' }, where.join(' · ')) : null,
        snoozed
          ? h(
              'p',
              { class: 'letsconnect-card__snoozed' },
              t('letsconnect-gadget-card-snoozed', readerDate(p.snoozeUntil, ui)),
            )
          : null,
        h('dl', { class: 'letsconnect-card__details' }, details),
        p.about === '' ? null : h('p', { class: 'letsconnect-card__about', dir: 'auto' }, p.about),
        links.length > 0 ? h('p', { class: 'letsconnect-card__links' }, links) : null,
      ]);
    };
  },
});
