import { defineComponent, h, type PropType } from 'vue';
import { CdxButton } from '@wikimedia/codex';
import type { Translate } from '../../kit';

export type { Translate } from '../../kit';

/**
 * The first thing a reader of a program page sees: what Let's Connect is and a way in
 * ("Join", or "Edit my profile" once registered).
 * Render functions rather than template strings: no runtime template compiler, which
 * Meta's Content Security Policy would not allow.
 */
export const WelcomePanel = defineComponent({
  name: 'WelcomePanel',
  props: {
    t: { type: Function as PropType<Translate>, required: true },
    registered: { type: Boolean, default: false },
  },
  emits: ['join'],
  setup(props, { emit }) {
    return () =>
      h(
        'section',
        { class: 'letsconnect-welcome', 'aria-labelledby': 'letsconnect-welcome-title' },
        [
          h(
            'h2',
            { id: 'letsconnect-welcome-title', class: 'letsconnect-welcome__title' },
            props.t('letsconnect-gadget-title'),
          ),
          h('p', { class: 'letsconnect-welcome__intro' }, props.t('letsconnect-gadget-intro')),
          h(
            CdxButton,
            { action: 'progressive', weight: 'primary', onClick: () => emit('join') },
            {
              default: () =>
                props.t(props.registered ? 'letsconnect-gadget-edit' : 'letsconnect-gadget-join'),
            },
          ),
        ],
      );
  },
});
