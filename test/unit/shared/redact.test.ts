/**
 * No email or IP address in anything the bot writes (found by the reliability privacy run:
 * a clinic's title, a topic's description, a positional value quoted on R/Maintenance and an
 * anonymous editor's address reached bot-written pages).
 */
import { EMAIL_REMOVED, IP_REMOVED, redactPrivate } from '../../../shared/privacy/redact';
import { renderMaintenancePage } from '../../../shared/reports/maintenance-page';

describe('redactPrivate', () => {
  it('removes email, IPv4 and IPv6 addresses', () => {
    expect(redactPrivate('mail a.b+c@example.org now')).toBe(`mail ${EMAIL_REMOVED} now`);
    expect(redactPrivate('edit by 192.0.2.45.')).toBe(`edit by ${IP_REMOVED}.`);
    expect(redactPrivate('from 2001:db8::7c1 and fe80:0:0:0:0:0:0:1')).toBe(
      `from ${IP_REMOVED} and ${IP_REMOVED}`,
    );
    expect(redactPrivate('{"email":"x@y.io"}')).toBe(`{"email":"${EMAIL_REMOVED}"}`);
  });

  it('leaves times, dates, versions and ids alone', () => {
    const text = '2030-01-02T18:00:00Z 18:00 UTC+5:30 v1.2.3 r12345 1.5 {{PLURAL:$1|a|b}}';
    expect(redactPrivate(text)).toBe(text);
  });

  it('a maintenance page naming an IP editor, once filtered, names no address', () => {
    const page = renderMaintenancePage(
      [
        {
          page: 'R/Participants/A',
          problem: 'edited by 127.0.0.1, positional value me@example.org',
          since: '2030-01-01',
          severity: 'warning',
        },
      ],
      (key) => key,
    );
    expect(redactPrivate(page)).not.toMatch(/127\.0\.0\.1|me@example/);
  });
});
