/** The template files agree with the codecs: same parameters, valid TemplateData. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clinicCodec, feedbackCodec, signupCodec } from '../../../shared/records/clinic';
import type { RecordCodec } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec } from '../../../shared/records/profile';
import { outcomeCodec, proposalCodec } from '../../../shared/records/proposal';
import { answerCodec, replyCodec, requestCodec } from '../../../shared/records/request';
import { resourceCodec } from '../../../shared/records/resource';
import { topicCodec } from '../../../shared/records/topic';
import { TEMPLATES, templatePageTitle, type TemplateId } from '../../../shared/templates/index';

const DIR = join(__dirname, '../../../shared/templates');
const CODECS: Record<TemplateId, RecordCodec<never>> = {
  profile: profileCodec as RecordCodec<never>,
  topic: topicCodec as RecordCodec<never>,
  member: memberCodec as RecordCodec<never>,
  proposal: proposalCodec as RecordCodec<never>,
  outcome: outcomeCodec as RecordCodec<never>,
  clinic: clinicCodec as RecordCodec<never>,
  signup: signupCodec as RecordCodec<never>,
  feedback: feedbackCodec as RecordCodec<never>,
  resource: resourceCodec as RecordCodec<never>,
  request: requestCodec as RecordCodec<never>,
  answer: answerCodec as RecordCodec<never>,
  reply: replyCodec as RecordCodec<never>,
};

/** Does a concrete name (`group2`, `label-es`) belong to a canonical one (`group#`, `label-@`)? */
const accepts = (canonical: string, name: string): boolean =>
  new RegExp(
    `^${canonical.replace('#', '[1-9][0-9]?').replace('@', '[a-z]{2,3}(-[a-z0-9]+)*')}$`,
  ).test(name);

describe.each(Object.keys(TEMPLATES) as TemplateId[])('Template:%s', (id) => {
  const text = readFileSync(join(DIR, TEMPLATES[id].file), 'utf8');
  const codec = CODECS[id];
  const json = /<templatedata>([\s\S]*?)<\/templatedata>/.exec(text)?.[1] ?? '{}';
  const data = JSON.parse(json) as {
    params: Record<string, { type: string }>;
    paramOrder: string[];
  };

  it('is named by the codec and the index', () => {
    expect(codec.template).toBe(TEMPLATES[id].name);
    expect(templatePageTitle(id)).toBe(`Template:${TEMPLATES[id].name}`);
  });

  it('documents exactly the parameters the codec reads', () => {
    const documented = Object.keys(data.params);
    for (const name of documented)
      expect([name, codec.params.some((c) => accepts(c, name))]).toEqual([name, true]);
    for (const c of codec.params)
      expect([c, documented.some((n) => accepts(c, n))]).toEqual([c, true]);
    expect(data.paramOrder).toEqual(documented);
  });

  it('renders only parameters the codec knows', () => {
    const used = [...text.matchAll(/\{\{\{([^|}]+)/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    for (const name of used)
      expect([name, codec.params.some((c) => accepts(c, name))]).toEqual([name, true]);
  });

  it('keeps rendering inside <includeonly> and documentation in <noinclude>', () => {
    expect(text.startsWith('<includeonly>')).toBe(true);
    expect(text).toMatch(/<\/includeonly><noinclude>[\s\S]*<\/noinclude>\n$/);
  });
});

it('has a file for every template and no stray files', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.wikitext'))
    .sort();
  expect(files).toEqual(
    Object.values(TEMPLATES)
      .map((t) => t.file)
      .sort(),
  );
});
