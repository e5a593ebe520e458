/**
 * Several values chosen from a menu that narrows as the reader types: the clinic's languages,
 * its sharers. The reader sees names (English, العربية, a user name), never codes; each choice
 * is listed with a button that removes it.
 *
 * Codex's Lookup for the typing and the menu, and a plain list for the choices: Codex 2.7's
 * MultiselectLookup puts its chips and the input in a listbox whose options hold buttons, which
 * axe rightly reports (an unlabelled input, a listbox with no options, nested controls).
 */
import { CdxButton, CdxLookup } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import { Field, FIELD_PROPS, fieldProps, useEnv } from '../../kit';

export interface MenuChoice {
  value: string;
  label: string;
}

export const MenuField = defineComponent({
  name: 'ClinicMenuField',
  props: {
    ...FIELD_PROPS,
    /** The values chosen, in order. */
    modelValue: { type: Array as PropType<readonly string[]>, required: true },
    /** The menu for what the reader typed (may ask the wiki). */
    search: {
      type: Function as PropType<(query: string) => MenuChoice[] | Promise<MenuChoice[]>>,
      required: true,
    },
    /** A chosen value's words. */
    labelOf: { type: Function as PropType<(value: string) => string>, required: true },
    /** At most this many values. */
    max: { type: Number, default: 10 },
  },
  emits: { 'update:modelValue': (_values: string[]) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const menu = ref<MenuChoice[]>([]);
    /** What is typed; emptied once a choice is made, ready for the next. */
    const typed = ref('');
    /** Only the answer to the latest query counts (an older one can arrive after it). */
    let asked = 0;
    /** Said under the field when the wiki did not answer a search (a menu left empty says nothing). */
    const searchFailed = ref('');
    async function lookFor(query: string): Promise<void> {
      const mine = ++asked;
      let found: MenuChoice[];
      try {
        found = query.trim() === '' ? [] : await props.search(query.trim());
      } catch {
        if (mine !== asked) return;
        menu.value = [];
        searchFailed.value = t('letsconnect-menu-search-failed');
        return;
      }
      if (mine !== asked) return;
      searchFailed.value = '';
      menu.value = found.filter((c) => !props.modelValue.includes(c.value)).slice(0, 10);
    }
    const choose = (value: string | number | null) => {
      if (value === null) return;
      const v = String(value);
      typed.value = '';
      menu.value = [];
      asked++;
      if (props.modelValue.includes(v) || props.modelValue.length >= props.max) return;
      emit('update:modelValue', [...props.modelValue, v]);
    };
    const remove = (value: string) =>
      emit(
        'update:modelValue',
        props.modelValue.filter((v) => v !== value),
      );
    return () => (
      <Field {...fieldProps(props)} error={searchFailed.value}>
        {{
          default: () => (
            <div class="letsconnect-menu-field">
              {props.modelValue.length > 0 ? (
                <ul class="letsconnect-menu-field__chosen">
                  {props.modelValue.map((value) => (
                    <li class="letsconnect-menu-field__choice" key={value}>
                      <span class="letsconnect-menu-field__label">{props.labelOf(value)}</span>
                      <CdxButton
                        weight="quiet"
                        size="small"
                        {...{
                          type: 'button',
                          'aria-label': t('letsconnect-gadget-menu-remove', props.labelOf(value)),
                        }}
                        onClick={() => remove(value)}
                      >
                        {{ default: () => '×' }}
                      </CdxButton>
                    </li>
                  ))}
                </ul>
              ) : null}
              {props.modelValue.length < props.max ? (
                <CdxLookup
                  selected={null}
                  menuItems={menu.value}
                  inputValue={typed.value}
                  menuConfig={{ visibleItemLimit: 6 }}
                  onUpdate:input-value={(v: string | number) => (typed.value = String(v))}
                  onInput={(v: string | number) => void lookFor(String(v))}
                  onUpdate:selected={(v: string | number | null) => choose(v)}
                />
              ) : null}
            </div>
          ),
        }}
      </Field>
    );
  },
});
