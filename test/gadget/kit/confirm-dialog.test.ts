import { mount } from '@vue/test-utils';
import { ConfirmDialog } from '../../../gadget/kit';
import { withEnv } from '../support/env';

function dialog(open: boolean) {
  return mount(ConfirmDialog, {
    props: {
      open,
      title: 'Decline this proposal?',
      question: 'A declined pair is never proposed again.',
      confirmLabel: 'Decline',
      destructive: true,
    },
    attachTo: document.body,
    ...withEnv(),
  });
}

describe('kit ConfirmDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('asks the question with a destructive confirm button and a cancel button', () => {
    dialog(true);
    const box = document.querySelector('.cdx-dialog');
    expect(box?.textContent).toContain('Decline this proposal?');
    expect(box?.textContent).toContain('A declined pair is never proposed again.');
    const buttons = [...document.querySelectorAll('.cdx-dialog__footer button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Decline', 'Cancel']);
    expect(buttons[0]?.className).toContain('cdx-button--action-destructive');
  });

  it('emits confirm or cancel, and shows nothing when closed', async () => {
    const wrapper = dialog(true);
    const [confirm, cancel] = [
      ...document.querySelectorAll<HTMLButtonElement>('.cdx-dialog__footer button'),
    ];
    confirm?.click();
    cancel?.click();
    await wrapper.vm.$nextTick();
    expect(wrapper.emitted('confirm')).toHaveLength(1);
    expect(wrapper.emitted('cancel')?.length).toBeGreaterThanOrEqual(1);
    wrapper.unmount();
    dialog(false);
    expect(document.querySelector('.cdx-dialog')).toBeNull();
  });
});
