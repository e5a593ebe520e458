import { showReaderTimes } from '../../../gadget/kit/reader-times';

const t = (key: string, ...params: string[]) => `${key}:${params.join('|')}`;

describe('showReaderTimes', () => {
  it("adds the reader's own time beside each marked UTC time, once, as text", () => {
    document.body.innerHTML =
      '<p><span class="letsconnect-time" data-utc="2026-12-01T16:00Z">1 December 2026, 16:00 UTC</span></p>' +
      '<p><span class="letsconnect-time" data-utc="not a time">?</span></p>';
    showReaderTimes(document.body, 'en', t);
    showReaderTimes(document.body, 'en', t);
    const added = document.querySelectorAll('.letsconnect-time__reader');
    expect(added).toHaveLength(1);
    const expected = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(Date.parse('2026-12-01T16:00Z'));
    expect(added[0]!.textContent).toBe(
      ` (letsconnect-gadget-your-time:${expected}|${Intl.DateTimeFormat().resolvedOptions().timeZone})`,
    );
    expect(added[0]!.children).toHaveLength(0);
  });
});
