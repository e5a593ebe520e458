/**
 * The pieces the row editors share: a menu named for screen readers, and a list of rows with
 * a remove button each and an add button.
 */
import { CdxButton, CdxSelect, type MenuItemData } from '@wikimedia/codex';
import { defineComponent, type PropType, type VNodeChild } from 'vue';
import { Field, type Translate } from '../../kit';

/**
 * A Codex menu. Its combobox is a <div>: a <label for> does not name it, so its label goes
 * in aria-label.
 */
export const MenuSelect = defineComponent({
  name: 'MenuSelect',
  props: {
    label: { type: String, required: true },
    selected: { type: [String, Number] as PropType<string | number | null>, default: null },
    items: { type: Array as PropType<MenuItemData[]>, required: true },
    /** Shown while nothing is chosen. */
    placeholder: { type: String, default: '' },
  },
  emits: { select: (_value: string | number) => true },
  setup(props, { emit }) {
    return () => (
      <CdxSelect
        {...{ 'aria-label': props.label }}
        selected={props.selected}
        defaultLabel={props.placeholder}
        menuItems={props.items}
        menuConfig={{ visibleItemLimit: 8 }}
        onUpdate:selected={(v: string | number) => emit('select', v)}
      />
    );
  },
});

/** One labelled menu in a row; the value goes up as a string. */
export function selectCell(
  label: string,
  selected: string | number | null,
  items: MenuItemData[],
  onSelect: (value: string) => void,
  placeholder = '',
): VNodeChild {
  return (
    <Field label={label}>
      {{
        default: () => (
          <MenuSelect
            label={label}
            selected={selected}
            items={items}
            placeholder={placeholder}
            onSelect={(v: string | number) => onSelect(String(v))}
          />
        ),
      }}
    </Field>
  );
}

export interface RowsSpec<T> {
  rows: readonly T[];
  update: (rows: T[]) => void;
  /** The row's controls; `n` is its number, `set` replaces fields of this row. */
  cells: (row: T, n: string, set: (patch: Partial<T>) => void) => VNodeChild[];
  removeKey: string;
  addKey: string;
  max: number;
  blank: () => T;
}

/**
 * A list of rows with a remove button each and an add button: the shape groups, languages
 * and availability share. Row numbers go into every label, so each control has a unique,
 * spoken name.
 */
export function rowList<T>(t: Translate, spec: RowsSpec<T>): VNodeChild {
  const { rows, update } = spec;
  return (
    <div class="letsconnect-rows">
      {rows.map((row, i) => {
        const set = (patch: Partial<T>) =>
          update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
        const n = String(i + 1);
        return (
          <div class="letsconnect-rows__row" key={i}>
            {spec.cells(row, n, set)}
            <CdxButton
              weight="quiet"
              action="destructive"
              {...{ type: 'button', 'aria-label': t(spec.removeKey, n) }}
              onClick={() => update(rows.filter((_, j) => j !== i))}
            >
              {{ default: () => '×' }}
            </CdxButton>
          </div>
        );
      })}
      <CdxButton
        class="letsconnect-rows__add"
        {...{ type: 'button', disabled: rows.length >= spec.max }}
        onClick={() => update([...rows, spec.blank()])}
      >
        {{ default: () => t(spec.addKey) }}
      </CdxButton>
    </div>
  );
}
