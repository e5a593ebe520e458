/**
 * The three states of data being read: a "loading" line (announced to screen readers), a
 * failure with the reason and a "Try again" button, or the loaded content (the default slot,
 * given the data).
 */
import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { defineComponent, type PropType, type SlotsType, type VNodeChild } from 'vue';
import { useEnv } from './env';
import type { Loaded } from './use-load';

export const AsyncState = defineComponent({
  name: 'LcAsyncState',
  props: {
    state: { type: Object as PropType<Loaded<unknown>>, required: true },
    /** What is being read, as the reader sees it while waiting. */
    loadingText: { type: String, required: true },
    /** The failure in words, given the API's code. */
    failedText: { type: Function as PropType<(code: string) => string>, required: true },
  },
  slots: Object as SlotsType<{ default: (data: unknown) => VNodeChild }>,
  setup(props, { slots }) {
    const { t } = useEnv();
    return () => {
      const { status, data, failure, reload } = props.state;
      if (status.value === 'loading' && data.value === undefined)
        return (
          <p class="letsconnect-loading" role="status">
            {props.loadingText}
          </p>
        );
      if (status.value === 'failed')
        return (
          <CdxMessage type="error" class="letsconnect-load-failed">
            {{
              default: () => [
                <p>{props.failedText(failure.value)}</p>,
                <CdxButton onClick={() => void reload()}>
                  {{ default: () => t('letsconnect-gadget-retry') }}
                </CdxButton>,
              ],
            }}
          </CdxMessage>
        );
      return slots.default?.(data.value);
    };
  },
});
