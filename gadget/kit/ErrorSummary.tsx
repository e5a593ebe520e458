/**
 * What keeps a form from saving, at its top: a heading and one link per problem to the field
 * it is about (an anchor to the field's element; following it moves the focus to the field's
 * first control). A form refused by its checks bumps `focusKey`: the summary then takes the
 * focus, so a screen reader reads it and a keyboard user starts from it.
 */
import { defineComponent, nextTick, ref, watch, type PropType } from 'vue';

/** One problem: the id of its field's element (a Field with `id`), and what to do, in words. */
export interface ErrorSummaryItem {
  target: string;
  text: string;
}

const CONTROLS = 'input:not([type="hidden"]), select, textarea, button, [tabindex]';

export const ErrorSummary = defineComponent({
  name: 'LcErrorSummary',
  props: {
    title: { type: String, required: true },
    items: { type: Array as PropType<readonly ErrorSummaryItem[]>, required: true },
    /** Changed by the form each time a save is refused: the summary takes the focus. */
    focusKey: { type: Number, default: 0 },
  },
  setup(props) {
    const root = ref<HTMLElement | null>(null);
    watch(
      () => props.focusKey,
      async () => {
        await nextTick();
        root.value?.focus();
      },
    );
    const follow = (e: Event, target: string) => {
      const field = document.getElementById(target);
      if (!field) return;
      e.preventDefault();
      field.scrollIntoView?.({ block: 'center' });
      const control = field.matches(CONTROLS) ? field : field.querySelector<HTMLElement>(CONTROLS);
      (control ?? field).focus();
    };
    return () =>
      props.items.length === 0 ? null : (
        <div
          ref={root}
          class="letsconnect-error-summary"
          role="alert"
          tabindex={-1}
          aria-labelledby="letsconnect-error-summary-title"
        >
          <h3 id="letsconnect-error-summary-title">{props.title}</h3>
          <ul>
            {props.items.map((item) => (
              <li>
                <a href={`#${item.target}`} onClick={(e: Event) => follow(e, item.target)}>
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      );
  },
});
