/**
 * A labelled form field that shows its problems in the reader's words: errors turn it red,
 * warnings (when no error) amber. The control goes in the default slot. A problem that names
 * the field's wiki parameter reads with the field's label instead (see problemText); a check
 * of the form's own passes its text as `error`.
 */
import { CdxField } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Problem } from '../../shared/problems';
import { problemText, useEnv } from './env';

/**
 * Field's props, for a component that is a Field around one kind of control (a text input, a
 * group of radios): it declares these with its own, and passes them on with `fieldProps`.
 */
export const FIELD_PROPS = {
  label: { type: String, required: true },
  problems: { type: Array as PropType<readonly Problem[]>, default: () => [] },
  help: { type: String, default: '' },
  optional: { type: Boolean, default: false },
} as const;

/** The Field props among a wrapping component's props. */
export const fieldProps = (p: {
  label: string;
  problems: readonly Problem[];
  help: string;
  optional: boolean;
}) => ({ label: p.label, problems: p.problems, help: p.help, optional: p.optional });

export const Field = defineComponent({
  name: 'LcField',
  props: {
    /** `problems`: this field's problems (the caller picks which ones belong here). */
    ...FIELD_PROPS,
    /** An error already in words, for a check of the form's own (not a shared Problem). */
    error: { type: String, default: '' },
    /** A group of controls (radios, checkboxes, several inputs): a fieldset with a legend. */
    fieldset: { type: Boolean, default: false },
    /** The field's element id, for links to it (the kit's ErrorSummary). */
    anchor: { type: String, default: '' },
  },
  setup(props, { slots }) {
    const { t } = useEnv();
    return () => {
      const words = (severity: Problem['severity']) =>
        props.problems
          .filter((p) => p.severity === severity)
          .map((p) => problemText(t, p, props.label))
          .join(' ');
      const error = [props.error, words('error')].filter((w) => w !== '').join(' ');
      const warning = words('warning');
      return (
        <CdxField
          {...(props.anchor !== '' ? { id: props.anchor } : {})}
          isFieldset={props.fieldset}
          // Codex warns about a flag without `optional`: pass it only with it.
          {...(props.optional
            ? { optional: true, optionalFlag: t('letsconnect-gadget-form-optional') }
            : {})}
          status={error !== '' ? 'error' : warning !== '' ? 'warning' : 'default'}
          messages={{ error, warning }}
        >
          {{
            label: () => props.label,
            ...(props.help !== '' ? { 'help-text': () => props.help } : {}),
            default: () => slots.default?.(),
          }}
        </CdxField>
      );
    };
  },
});
