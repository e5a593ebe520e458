import { mount } from '@vue/test-utils';
import { WelcomePanel, type Translate } from '../../gadget/views/welcome/WelcomePanel';

const messages: Record<string, string> = {
  'letsconnect-gadget-title': "Let's Connect",
  'letsconnect-gadget-intro': 'Find Wikimedians to learn from and share with.',
  'letsconnect-gadget-join': "Join Let's Connect",
};
const t: Translate = (key) => messages[key] ?? `⧼${key}⧽`;

describe('WelcomePanel', () => {
  it('shows the title, the introduction and a Codex join button, labelled for screen readers', () => {
    const wrapper = mount(WelcomePanel, { props: { t } });
    expect(wrapper.get('h2').text()).toBe("Let's Connect");
    expect(wrapper.get('section').attributes('aria-labelledby')).toBe(
      wrapper.get('h2').attributes('id'),
    );
    expect(wrapper.get('p').text()).toBe(messages['letsconnect-gadget-intro']);
    const button = wrapper.get('button.cdx-button');
    expect(button.text()).toBe("Join Let's Connect");
  });

  it('emits "join" when the button is pressed', async () => {
    const wrapper = mount(WelcomePanel, { props: { t } });
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('join')).toHaveLength(1);
  });

  it('renders message text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const wrapper = mount(WelcomePanel, { props: { t: () => hostile } });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.get('h2').text()).toBe(hostile);
  });
});
