import { mount } from '@vue/test-utils';
import { h } from 'vue';
import { Field } from '../../../gadget/kit';
import { problem, type Problem } from '../../../shared/problems';
import { withEnv } from '../support/env';

const control = () => h('input', { id: 'x' });

function field(props: { label: string; problems?: Problem[]; help?: string; optional?: boolean }) {
  return mount(Field, { props, slots: { default: control }, ...withEnv() });
}

describe('kit Field', () => {
  it('labels its control and shows no message when there is no problem', () => {
    const wrapper = field({ label: 'Title' });
    expect(wrapper.get('label').text()).toContain('Title');
    expect(wrapper.find('input#x').exists()).toBe(true);
    expect(wrapper.find('.cdx-message').exists()).toBe(false);
  });

  it('shows an error in words, naming the field by its label', () => {
    const wrapper = field({
      label: 'Title',
      problems: [problem('title', 'letsconnect-problem-required', ['title'])],
    });
    const message = wrapper.get('.cdx-message--error');
    expect(message.text()).toContain('"Title" is required.');
    expect(message.text()).not.toContain('⧼');
  });

  it('shows a warning when there is no error, and the error when there are both', () => {
    const warning = problem(
      'topics',
      'letsconnect-problem-topic-unknown',
      ['topics', 'x'],
      'warning',
    );
    expect(
      field({ label: 'Topics', problems: [warning] })
        .find('.cdx-message--warning')
        .exists(),
    ).toBe(true);
    const error = problem('topics', 'letsconnect-problem-required', ['topics']);
    const both = field({ label: 'Topics', problems: [warning, error] });
    expect(both.find('.cdx-message--error').exists()).toBe(true);
    expect(both.find('.cdx-message--warning').exists()).toBe(false);
  });

  it('says "optional" only for an optional field, and shows its help', () => {
    const wrapper = field({ label: 'About', optional: true, help: 'A few words.' });
    expect(wrapper.text()).toContain('(optional)');
    expect(wrapper.text()).toContain('A few words.');
    expect(field({ label: 'About' }).text()).not.toContain('(optional)');
  });
});

describe('kit Field with a check of the form’s own', () => {
  it('shows the error text it is given, as an error', () => {
    const wrapper = mount(Field, {
      props: { label: 'Until', error: 'Choose a date after today.' },
      slots: { default: control },
      ...withEnv(),
    });
    expect(wrapper.get('.cdx-message--error').text()).toContain('Choose a date after today.');
  });
});
