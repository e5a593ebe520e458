import { CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type {
  AvailabilitySlot,
  GroupMembership,
  LanguageSkill,
} from '../../../shared/records/profile';
import { DAYS, LANGUAGE_LEVELS, ROLES } from '../../../shared/records/vocabulary';
import { COMMON_LANGUAGES, Field, languageName, useEnv } from '../../kit';
import { rowList, selectCell } from './RowList';

/** The template shows five groups; more would be saved but not displayed. */
export const MAX_GROUPS = 5;
export const MAX_LANGUAGES = 10;
export const MAX_SLOTS = 7;

/** Groups and the person's role in each. */
export const GroupsEditor = defineComponent({
  name: 'GroupsEditor',
  props: { modelValue: { type: Array as PropType<readonly GroupMembership[]>, required: true } },
  emits: { 'update:modelValue': (_v: GroupMembership[]) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const roles = ROLES.map((r) => ({ value: r, label: t(`letsconnect-role-${r}`) }));
    return () =>
      rowList<GroupMembership>(t, {
        rows: props.modelValue,
        update: (v) => emit('update:modelValue', v),
        cells: (g, n, set) => [
          <Field label={t('letsconnect-gadget-form-group-name', n)}>
            {{
              default: () => (
                <CdxTextInput
                  modelValue={g.group}
                  onUpdate:modelValue={(v: string | number) => set({ group: String(v) })}
                />
              ),
            }}
          </Field>,
          selectCell(
            t('letsconnect-gadget-form-group-role', n),
            g.role === '' ? null : g.role,
            roles,
            (v) => set({ role: v as GroupMembership['role'] }),
            t('letsconnect-gadget-form-choose'),
          ),
        ],
        removeKey: 'letsconnect-gadget-form-group-remove',
        addKey: 'letsconnect-gadget-form-group-add',
        max: MAX_GROUPS,
        blank: () => ({ group: '', role: '' }),
      });
  },
});

/** Languages and the person's level in each (Babel levels). */
export const LanguagesEditor = defineComponent({
  name: 'LanguagesEditor',
  props: { modelValue: { type: Array as PropType<readonly LanguageSkill[]>, required: true } },
  emits: { 'update:modelValue': (_v: LanguageSkill[]) => true },
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const ui = languages[0] ?? 'en';
    const codes = () =>
      [...new Set([...props.modelValue.map((l) => l.code), ...languages, ...COMMON_LANGUAGES])]
        .filter((c) => c !== '' && c !== 'qqq')
        .map((code) => ({ value: code, label: `${languageName(code, ui)} (${code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, ui));
    const levels = LANGUAGE_LEVELS.map((level) => ({
      value: level,
      label:
        level === 'N'
          ? t('letsconnect-gadget-card-level-native')
          : t('letsconnect-gadget-form-level', level),
    }));
    return () =>
      rowList<LanguageSkill>(t, {
        rows: props.modelValue,
        update: (v) => emit('update:modelValue', v),
        cells: (l, n, set) => [
          selectCell(
            t('letsconnect-gadget-form-language-name', n),
            l.code === '' ? null : l.code,
            codes(),
            (v) => set({ code: v }),
            t('letsconnect-gadget-form-choose'),
          ),
          selectCell(t('letsconnect-gadget-form-language-level', n), l.level, levels, (v) =>
            set({ level: v as LanguageSkill['level'] }),
          ),
        ],
        removeKey: 'letsconnect-gadget-form-language-remove',
        addKey: 'letsconnect-gadget-form-language-add',
        max: MAX_LANGUAGES,
        blank: () => ({ code: '', level: '3' }),
      });
  },
});

const hours = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k).map((n) => ({
    value: n,
    label: `${String(n).padStart(2, '0')}:00`,
  }));

/** Weekly windows, in the person's own time zone. */
export const AvailabilityEditor = defineComponent({
  name: 'AvailabilityEditor',
  props: { modelValue: { type: Array as PropType<readonly AvailabilitySlot[]>, required: true } },
  emits: { 'update:modelValue': (_v: AvailabilitySlot[]) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const days = DAYS.map((d) => ({ value: d, label: t(`letsconnect-gadget-day-${d}`) }));
    return () =>
      rowList<AvailabilitySlot>(t, {
        rows: props.modelValue,
        update: (v) => emit('update:modelValue', v),
        cells: (s, n, set) => [
          selectCell(t('letsconnect-gadget-form-slot-days', n), s.days, days, (v) =>
            set({ days: v as AvailabilitySlot['days'] }),
          ),
          selectCell(t('letsconnect-gadget-form-slot-from', n), s.from, hours(0, 23), (v) =>
            set({ from: Number(v) }),
          ),
          selectCell(t('letsconnect-gadget-form-slot-to', n), s.to, hours(1, 24), (v) =>
            set({ to: Number(v) }),
          ),
        ],
        removeKey: 'letsconnect-gadget-form-slot-remove',
        addKey: 'letsconnect-gadget-form-slot-add',
        max: MAX_SLOTS,
        blank: () => ({ days: 'weekdays', from: 18, to: 20 }),
      });
  },
});
