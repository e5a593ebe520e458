/**
 * Asks before an action that cannot be taken back: a dialog with the question, a button that
 * does it (destructive when it removes something) and one that does not. Escape and the close
 * button cancel.
 */
import { CdxDialog } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { useEnv } from './env';

export const ConfirmDialog = defineComponent({
  name: 'LcConfirmDialog',
  props: {
    open: { type: Boolean, required: true },
    title: { type: String, required: true },
    /** What will happen, in words. */
    question: { type: String, required: true },
    confirmLabel: { type: String, required: true },
    destructive: { type: Boolean, default: false },
    /** A link under the question (where to read more, or ask), or null. */
    link: { type: Object as PropType<{ href: string; text: string } | null>, default: null },
  },
  emits: { confirm: () => true, cancel: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    return () => (
      <CdxDialog
        open={props.open}
        title={props.title}
        useCloseButton={true}
        closeButtonLabel={t('letsconnect-gadget-form-cancel')}
        primaryAction={{
          label: props.confirmLabel,
          actionType: props.destructive ? 'destructive' : 'progressive',
        }}
        defaultAction={{ label: t('letsconnect-gadget-form-cancel') }}
        onPrimary={() => emit('confirm')}
        onDefault={() => emit('cancel')}
        {...{ 'onUpdate:open': (open: boolean) => (open ? undefined : emit('cancel')) }}
      >
        {{
          default: () => [
            <p>{props.question}</p>,
            props.link ? (
              <p>
                <a href={props.link.href}>{props.link.text}</a>
              </p>
            ) : null,
          ],
        }}
      </CdxDialog>
    );
  },
});
