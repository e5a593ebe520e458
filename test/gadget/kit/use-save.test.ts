import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { ApiError, failed, useSave, type NoticeData, type SaveCycle } from '../../../gadget/kit';
import { withEnv } from '../support/env';

/** A form with one input whose save is `save`: what useSave gives every form. */
function formSaving(save: (cycle: SaveCycle) => Promise<NoticeData | null>) {
  let cycle: SaveCycle | null = null;
  const typed = ref('what I typed');
  const component = defineComponent({
    setup() {
      cycle = useSave('review');
      return () => h('p', typed.value);
    },
  });
  const wrapper = mount(component, withEnv());
  return { wrapper, typed, cycle: () => cycle!, run: () => cycle!.run(() => save(cycle!)) };
}

describe('kit useSave', () => {
  it('is busy while saving, then shows the notice the save returned', async () => {
    let finish: (n: NoticeData) => void = () => undefined;
    const form = formSaving(() => new Promise((r) => (finish = r)));
    const running = form.run();
    expect(form.cycle().busy.value).toBe(true);
    // A second press while saving does not start a second save.
    await form.cycle().run(async () => ({ type: 'error', text: 'second save' }));
    finish({ type: 'success', text: 'Saved.' });
    await running;
    expect(form.cycle().busy.value).toBe(false);
    expect(form.cycle().notice.value).toEqual({ type: 'success', text: 'Saved.' });
  });

  it('says why a save failed and that the input is kept, and keeps it', async () => {
    const form = formSaving(async (cycle) =>
      cycle.failedNotice(failed(new ApiError('editconflict'))),
    );
    await form.run();
    const notice = form.cycle().notice.value;
    expect(notice?.type).toBe('error');
    expect(notice?.text).toEqual([
      'The round page kept changing while your review was being saved, so it was not saved. Please try again.',
      'Everything you typed is still in the form.',
    ]);
    expect(form.typed.value).toBe('what I typed');
  });

  it('turns a save that throws into a failure notice, not a lost rejection', async () => {
    const form = formSaving(async () => {
      throw new ApiError('http');
    });
    await form.run();
    await flushPromises();
    expect(form.cycle().busy.value).toBe(false);
    expect(form.cycle().notice.value?.type).toBe('error');
    expect(JSON.stringify(form.cycle().notice.value)).not.toContain('⧼');
  });
});
