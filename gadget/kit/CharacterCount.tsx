/**
 * A live count under a text control with a limit: "120 of 500 characters", and past the
 * limit "5,000 of 500 characters: 4,500 too many" in the error colour. Nothing is cut: the
 * form's checks refuse the save, so what was typed (or pasted) is never lost silently.
 * Characters are counted as the shared checks count them (code points).
 */
import { defineComponent } from 'vue';
import { useEnv } from './env';

export const CharacterCount = defineComponent({
  name: 'LcCharacterCount',
  props: {
    value: { type: String, required: true },
    max: { type: Number, required: true },
  },
  setup(props) {
    const { t, languages } = useEnv();
    const number = (n: number) => n.toLocaleString(languages[0] ?? 'en');
    return () => {
      const length = [...props.value].length;
      const over = length - props.max;
      return (
        <p
          class={['letsconnect-count', over > 0 ? 'letsconnect-count--over' : null]}
          aria-live={over > 0 ? 'polite' : 'off'}
        >
          {over > 0
            ? t(
                'letsconnect-gadget-form-count-over',
                number(length),
                number(props.max),
                number(over),
              )
            : t('letsconnect-gadget-form-count', number(length), number(props.max))}
        </p>
      );
    };
  },
});
