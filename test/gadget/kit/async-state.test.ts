import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { ApiError, AsyncState, useLoad } from '../../../gadget/kit';
import { withEnv } from '../support/env';

/** A view that reads with useLoad and shows it with AsyncState, as every view does. */
function viewReading(load: () => Promise<string>) {
  return defineComponent({
    setup() {
      const state = useLoad(load);
      return () =>
        h(
          AsyncState,
          {
            state,
            loadingText: 'Loading the list…',
            failedText: (code: string) => `The list could not be read (${code}).`,
          },
          { default: (data: unknown) => h('p', { class: 'data' }, String(data)) },
        );
    },
  });
}

describe('kit useLoad and AsyncState', () => {
  it('says it is loading, then shows the data', async () => {
    let finish: (v: string) => void = () => undefined;
    const wrapper = mount(
      viewReading(() => new Promise((r) => (finish = r))),
      withEnv(),
    );
    expect(wrapper.get('[role="status"]').text()).toBe('Loading the list…');
    finish('three people');
    await flushPromises();
    expect(wrapper.get('.data').text()).toBe('three people');
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
  });

  it('says why it failed and tries again on "Try again"', async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) throw new ApiError('http', 'the wiki did not answer');
      return 'loaded at last';
    };
    const wrapper = mount(viewReading(load), withEnv());
    await flushPromises();
    expect(wrapper.get('.cdx-message--error').text()).toContain(
      'The list could not be read (http)',
    );
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(calls).toBe(2);
    expect(wrapper.get('.data').text()).toBe('loaded at last');
  });
});
