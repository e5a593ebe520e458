import { CdxButton } from '@wikimedia/codex';
import type { VNode } from 'vue';

export type ButtonAction = 'default' | 'progressive' | 'destructive';

/** A review button (a plain button, not a form's submit), disabled while a review saves. */
export const reviewButton = (
  label: string,
  busy: boolean,
  onClick: () => void,
  action: ButtonAction = 'default',
): VNode => (
  <CdxButton action={action} onClick={onClick} {...{ type: 'button', disabled: busy }}>
    {{ default: () => label }}
  </CdxButton>
);
