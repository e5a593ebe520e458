import { defineComponent, h, type PropType } from 'vue';
import { CdxMessage } from '@wikimedia/codex';
import type { Problem } from '../../../shared/problems';
import type { FailureKind } from '../../kit';
import { useEnv } from '../../kit';
import { readerDate } from '../../kit';
import type { OwnProfile } from './profile-page';

export type Outcome =
  | { kind: 'invalid' }
  | { kind: 'saved'; summaryKey: string }
  | { kind: 'failed'; message: string; failure: FailureKind };

/**
 * What happened to the last save, in words: saved (with a link to the page and when the
 * directory will show it), refused by the checks, or failed (why, and that nothing typed
 * was lost). Errors are alerts, so screen readers announce them at once.
 */
export const SaveOutcome = defineComponent({
  name: 'SaveOutcome',
  props: {
    outcome: { type: Object as PropType<Outcome | null>, default: null },
    own: { type: Object as PropType<OwnProfile>, required: true },
    problems: { type: Array as PropType<readonly Problem[]>, required: true },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    return () => {
      const o = props.outcome;
      if (!o) return null;
      if (o.kind === 'invalid') {
        const count = props.problems.filter((p) => p.severity === 'error').length;
        // Once everything is fixed the warning has done its job.
        if (count === 0) return null;
        return h(
          CdxMessage,
          { type: 'error', class: 'letsconnect-outcome', role: 'alert' },
          {
            default: () => t('letsconnect-gadget-form-invalid', String(count)),
          },
        );
      }
      if (o.kind === 'failed') {
        return h(
          CdxMessage,
          { type: 'error', class: 'letsconnect-outcome', role: 'alert' },
          {
            default: () => [
              h('p', o.message),
              o.failure === 'conflict'
                ? h('p', [
                    h(
                      'a',
                      { href: env.url(props.own.title, { action: 'history' }) },
                      t('letsconnect-gadget-save-conflict-history'),
                    ),
                  ])
                : null,
              h('p', t('letsconnect-gadget-save-kept')),
            ],
          },
        );
      }
      const withdrawn = o.summaryKey === 'letsconnect-gadget-summary-withdraw';
      const generated = props.own.directoryGenerated;
      return h(
        CdxMessage,
        { type: 'success', class: 'letsconnect-outcome', role: 'status' },
        {
          default: () => [
            h(
              'p',
              t(withdrawn ? 'letsconnect-gadget-saved-withdrawn' : 'letsconnect-gadget-saved'),
            ),
            h('p', [
              h('a', { href: env.url(props.own.title) }, t('letsconnect-gadget-saved-view')),
            ]),
            h(
              'p',
              t(
                withdrawn
                  ? 'letsconnect-gadget-saved-when-removed'
                  : 'letsconnect-gadget-saved-when',
              ),
            ),
            generated === ''
              ? null
              : h('p', t('letsconnect-gadget-saved-last-run', readerDate(generated, ui, true))),
          ],
        },
      );
    };
  },
});
