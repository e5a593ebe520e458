import { computed, defineComponent, h, type PropType, type VNode } from 'vue';
import { CdxCheckbox, CdxField, CdxSelect, CdxTextArea, CdxTextInput } from '@wikimedia/codex';
import type { Problem } from '../../../shared/problems';
import {
  MAX_CONNECTIONS_PER_MONTH,
  PROFILE_LIMITS,
  type Profile,
} from '../../../shared/records/profile';
import {
  EXPERIENCE_LEVELS,
  FORMATS,
  REGIONS,
  type Format,
} from '../../../shared/records/vocabulary';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { problemText, useEnv, type Translate } from '../../kit';
import { countryCodes, knownTimeZones, timeIn } from '../../kit';
import { problemsBySection, type Section } from './form-model';
import { AvailabilityEditor, GroupsEditor, LanguagesEditor } from './RowEditors';
import { TopicPicker } from './TopicPicker';

export interface FieldOptions {
  help?: string;
  fieldset?: boolean;
  optional?: boolean;
}

/** A labelled Codex field showing the problems found for its section, in the reader's words. */
export function formField(
  t: Translate,
  problems: readonly Problem[],
  section: Section,
  labelKey: string,
  control: () => VNode | VNode[],
  options: FieldOptions = {},
): VNode {
  const label = t(labelKey);
  const errors = problems.filter((p) => p.severity === 'error');
  // Unknown-topic warnings are worth showing next to the pickers; other warnings are not.
  const shown = section === 'topics' || section === 'share' ? problems : errors;
  return h(
    CdxField,
    {
      class: `letsconnect-form__${section}`,
      isFieldset: options.fieldset ?? false,
      // Codex warns about a flag without `optional`: pass it only with it.
      ...(options.optional
        ? { optional: true, optionalFlag: t('letsconnect-gadget-form-optional') }
        : {}),
      status: errors.length > 0 ? 'error' : shown.length > 0 ? 'warning' : 'default',
      messages: {
        error: errors.map((p) => problemText(t, p, label)).join(' '),
        warning: shown.map((p) => problemText(t, p, label)).join(' '),
      },
    },
    {
      label: () => label,
      ...(options.help ? { 'help-text': () => options.help } : {}),
      default: control,
    },
  );
}

/**
 * The profile's fields, in three plain parts (about you; topics; how and when) and a free
 * text. Every control is a labelled Codex component; values go up as `update` events.
 */
export const ProfileFields = defineComponent({
  name: 'ProfileFields',
  props: {
    profile: { type: Object as PropType<Profile>, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
    /** Problems to show (empty until the person first tries to save). */
    problems: { type: Array as PropType<readonly Problem[]>, required: true },
  },
  emits: { update: (_patch: Partial<Profile>) => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const zones = knownTimeZones();
    const countries = countryCodes(ui);
    const bySection = computed(() => problemsBySection(props.problems));
    const set = (patch: Partial<Profile>) => emit('update', patch);
    const field = (
      section: Section,
      labelKey: string,
      control: () => VNode | VNode[],
      o?: FieldOptions,
    ) => formField(t, bySection.value.get(section) ?? [], section, labelKey, control, o);
    // Codex's select is a combobox <div>: a <label for> does not name it, aria-label does.
    const select = (
      key: 'experience' | 'region' | 'country',
      labelKey: string,
      items: Array<{ value: string; label: string }>,
    ) =>
      h(CdxSelect, {
        'aria-label': t(labelKey),
        selected: props.profile[key] === '' ? null : props.profile[key],
        defaultLabel: t('letsconnect-gadget-form-choose'),
        menuItems: items,
        menuConfig: { visibleItemLimit: 8 },
        'onUpdate:selected': (v: string) => set({ [key]: v }),
      });
    const zoneHint = () => {
      const time =
        props.profile.timezone === '' ? null : timeIn(props.profile.timezone, env.now(), ui);
      return time === null
        ? t('letsconnect-gadget-form-timezone-help')
        : t('letsconnect-gadget-form-timezone-now', time);
    };

    return () => {
      const p = props.profile;
      return [
        h('fieldset', { class: 'letsconnect-form__part' }, [
          h('legend', t('letsconnect-gadget-form-part-you')),
          field(
            'groups',
            'letsconnect-gadget-form-groups',
            () =>
              h(GroupsEditor, {
                modelValue: p.groups,
                'onUpdate:modelValue': (v: Profile['groups']) => set({ groups: v }),
              }),
            { fieldset: true, optional: true, help: t('letsconnect-gadget-form-groups-help') },
          ),
          field(
            'experience',
            'letsconnect-gadget-form-experience',
            () =>
              select(
                'experience',
                'letsconnect-gadget-form-experience',
                EXPERIENCE_LEVELS.map((x) => ({
                  value: x,
                  label: t(`letsconnect-experience-${x}`),
                })),
              ),
            { optional: true },
          ),
          field('region', 'letsconnect-gadget-form-region', () =>
            select(
              'region',
              'letsconnect-gadget-form-region',
              REGIONS.map((r) => ({ value: r, label: t(`letsconnect-region-${r}`) })),
            ),
          ),
          field(
            'country',
            'letsconnect-gadget-form-country',
            () => select('country', 'letsconnect-gadget-form-country', countries),
            {
              optional: true,
            },
          ),
          field(
            'languages',
            'letsconnect-gadget-form-languages',
            () =>
              h(LanguagesEditor, {
                modelValue: p.languages,
                'onUpdate:modelValue': (v: Profile['languages']) => set({ languages: v }),
              }),
            { fieldset: true },
          ),
        ]),
        h('fieldset', { class: 'letsconnect-form__part' }, [
          h('legend', t('letsconnect-gadget-form-part-topics')),
          h('p', t('letsconnect-gadget-form-topics-help')),
          field(
            'topics',
            'letsconnect-gadget-form-learn',
            () =>
              h(TopicPicker, {
                side: 'learn',
                modelValue: p.learn,
                taxonomy: props.taxonomy,
                topicLabel: props.topicLabel,
                'onUpdate:modelValue': (v: string[]) => set({ learn: v }),
              }),
            { fieldset: true },
          ),
          field(
            'learn-other',
            'letsconnect-gadget-form-learn-other',
            () =>
              h(CdxTextInput, {
                modelValue: p.learnOther,
                maxlength: PROFILE_LIMITS.suggestion,
                'onUpdate:modelValue': (v: string) => set({ learnOther: v }),
              }),
            { optional: true, help: t('letsconnect-gadget-form-suggest-help') },
          ),
          field(
            'share',
            'letsconnect-gadget-form-share',
            () =>
              h(TopicPicker, {
                side: 'share',
                modelValue: p.share,
                taxonomy: props.taxonomy,
                topicLabel: props.topicLabel,
                'onUpdate:modelValue': (v: string[]) => set({ share: v }),
              }),
            { fieldset: true, optional: true },
          ),
          field(
            'share-other',
            'letsconnect-gadget-form-share-other',
            () =>
              h(CdxTextInput, {
                modelValue: p.shareOther,
                maxlength: PROFILE_LIMITS.suggestion,
                'onUpdate:modelValue': (v: string) => set({ shareOther: v }),
              }),
            { optional: true, help: t('letsconnect-gadget-form-suggest-help') },
          ),
        ]),
        h('fieldset', { class: 'letsconnect-form__part' }, [
          h('legend', t('letsconnect-gadget-form-part-when')),
          field(
            'formats',
            'letsconnect-gadget-form-formats',
            () =>
              FORMATS.map((x) =>
                h(
                  CdxCheckbox,
                  {
                    modelValue: p.formats.includes(x),
                    'onUpdate:modelValue': (on: boolean) =>
                      set({
                        formats: FORMATS.filter((y) =>
                          y === x ? on : p.formats.includes(y),
                        ) as Format[],
                      }),
                  },
                  { default: () => t(`letsconnect-format-${x}`) },
                ),
              ),
            { fieldset: true, optional: true },
          ),
          field(
            'timezone',
            'letsconnect-gadget-form-timezone',
            () => [
              h(CdxTextInput, {
                modelValue: p.timezone,
                list: 'letsconnect-time-zones',
                autocomplete: 'off',
                'onUpdate:modelValue': (v: string) => set({ timezone: v.trim() }),
              }),
              h(
                'datalist',
                { id: 'letsconnect-time-zones' },
                zones.map((z) => h('option', { value: z })),
              ),
            ],
            { optional: true, help: zoneHint() },
          ),
          field(
            'availability',
            'letsconnect-gadget-form-availability',
            () =>
              h(AvailabilityEditor, {
                modelValue: p.availability,
                'onUpdate:modelValue': (v: Profile['availability']) => set({ availability: v }),
              }),
            {
              fieldset: true,
              optional: true,
              help: t('letsconnect-gadget-form-availability-help'),
            },
          ),
          field(
            'connections',
            'letsconnect-gadget-form-connections',
            () =>
              h(CdxSelect, {
                'aria-label': t('letsconnect-gadget-form-connections'),
                selected: p.connectionsPerMonth,
                menuItems: Array.from({ length: MAX_CONNECTIONS_PER_MONTH + 1 }, (_, n) => ({
                  value: n,
                  label: String(n),
                })),
                'onUpdate:selected': (v: number) => set({ connectionsPerMonth: Number(v) }),
              }),
            { help: t('letsconnect-gadget-form-connections-help') },
          ),
        ]),
        field(
          'about',
          'letsconnect-gadget-form-about',
          () =>
            h(CdxTextArea, {
              modelValue: p.about,
              rows: 4,
              'onUpdate:modelValue': (v: string) => set({ about: v }),
            }),
          {
            optional: true,
            help: t('letsconnect-gadget-form-about-help', String(PROFILE_LIMITS.about)),
          },
        ),
      ];
    };
  },
});
