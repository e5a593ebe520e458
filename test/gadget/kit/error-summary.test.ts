import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { ErrorSummary } from '../../../gadget/kit';
import { withEnv } from '../support/env';

/** A form with two fields and the summary above them, as a view uses it. */
const Form = defineComponent({
  setup() {
    const refusals = ref(0);
    return { refusals };
  },
  render() {
    return h('form', [
      h(ErrorSummary, {
        title: 'Nothing was saved yet: 2 answers need your attention (marked below).',
        items: [
          { target: 'f-region', text: 'Choose your region.' },
          { target: 'f-consent', text: 'Tick "I agree" to join.' },
        ],
        focusKey: this.refusals,
      }),
      h('div', { id: 'f-region' }, [h('label', 'Region'), h('input', { name: 'region' })]),
      h('fieldset', { id: 'f-consent' }, [h('input', { type: 'checkbox', name: 'consent' })]),
    ]);
  },
});

describe('kit ErrorSummary', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lists each problem as a link to its field, under a heading', () => {
    const w = mount(Form, { attachTo: document.body, ...withEnv() });
    const summary = w.get('.letsconnect-error-summary');
    expect(summary.attributes('role')).toBe('alert');
    expect(summary.get('h3').text()).toContain('2 answers need your attention');
    expect(summary.findAll('a').map((a) => [a.attributes('href'), a.text()])).toEqual([
      ['#f-region', 'Choose your region.'],
      ['#f-consent', 'Tick "I agree" to join.'],
    ]);
  });

  it('takes the focus when the form bumps focusKey (a refused save)', async () => {
    const w = mount(Form, { attachTo: document.body, ...withEnv() });
    expect(document.activeElement).toBe(document.body);
    (w.vm as unknown as { refusals: number }).refusals++;
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(w.get('.letsconnect-error-summary').element);
  });

  it("following a link moves the focus to the field's control", async () => {
    const w = mount(Form, { attachTo: document.body, ...withEnv() });
    await w.findAll('.letsconnect-error-summary a')[1]!.trigger('click');
    expect(document.activeElement).toBe(w.get('input[name="consent"]').element);
    await w.findAll('.letsconnect-error-summary a')[0]!.trigger('click');
    expect(document.activeElement).toBe(w.get('input[name="region"]').element);
  });

  it('shows nothing when there is no problem', () => {
    const w = mount(ErrorSummary, {
      props: { title: 'x', items: [] },
      attachTo: document.body,
      ...withEnv(),
    });
    expect(w.find('.letsconnect-error-summary').exists()).toBe(false);
  });
});
