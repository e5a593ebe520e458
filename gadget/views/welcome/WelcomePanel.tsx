import { CdxButton } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Translate } from '../../kit';

export type { Translate } from '../../kit';

/**
 * The first thing a reader of a program page sees: what Let's Connect is and a way in
 * ("Join", or "Edit my profile" once registered).
 */
export const WelcomePanel = defineComponent({
  name: 'WelcomePanel',
  props: {
    t: { type: Function as PropType<Translate>, required: true },
    registered: { type: Boolean, default: false },
    /** False for a reader who cannot take part (a temporary account): no button. */
    joinable: { type: Boolean, default: true },
  },
  emits: { join: () => true },
  setup(props, { emit }) {
    return () => (
      <section class="letsconnect-welcome" aria-labelledby="letsconnect-welcome-title">
        <h2 id="letsconnect-welcome-title" class="letsconnect-welcome__title">
          {props.t('letsconnect-gadget-title')}
        </h2>
        <p class="letsconnect-welcome__intro">{props.t('letsconnect-gadget-intro')}</p>
        {props.joinable ? (
          <CdxButton action="progressive" weight="primary" onClick={() => emit('join')}>
            {{
              default: () =>
                props.t(props.registered ? 'letsconnect-gadget-edit' : 'letsconnect-gadget-join'),
            }}
          </CdxButton>
        ) : null}
      </section>
    );
  },
});
