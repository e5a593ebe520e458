import { mount } from '@vue/test-utils';
import { Notice, type NoticeData } from '../../../gadget/kit';

const notice = (n: NoticeData | null) => mount(Notice, { props: { notice: n } });

describe('kit Notice', () => {
  it('shows nothing without a notice', () => {
    expect(notice(null).find('.cdx-message').exists()).toBe(false);
    expect(notice(null).text()).toBe('');
  });

  it('announces a success politely and an error or a warning at once', () => {
    expect(notice({ type: 'success', text: 'Saved.' }).attributes('role')).toBe('status');
    expect(notice({ type: 'error', text: 'Not saved.' }).attributes('role')).toBe('alert');
    expect(notice({ type: 'warning', text: 'Changed.' }).attributes('role')).toBe('alert');
  });

  it('writes each line as a paragraph, then the link to what comes next', () => {
    const wrapper = notice({
      type: 'error',
      text: ['Why it failed.', 'Everything you typed is still in the form.'],
      link: { href: '/wiki/History', text: 'See the history' },
    });
    const paragraphs = wrapper.findAll('p').map((p) => p.text());
    expect(paragraphs).toEqual([
      'Why it failed.',
      'Everything you typed is still in the form.',
      'See the history',
    ]);
    expect(wrapper.get('a').attributes('href')).toBe('/wiki/History');
  });

  it('renders text as text, never as markup', () => {
    const wrapper = notice({ type: 'success', text: '<img src=x onerror="alert(1)">' });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.get('p').text()).toBe('<img src=x onerror="alert(1)">');
  });
});
