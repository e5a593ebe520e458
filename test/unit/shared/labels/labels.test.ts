import en from '../../../../shared/i18n/en.json';
import ar from '../../../../shared/i18n/ar.json';
import {
  fitsInArgument,
  isLabelKey,
  labelCall,
  pageMessage,
  labelData,
  labeler,
  LABEL_DATA_VERSION,
} from '../../../../shared/labels/labels';
import { defaultTaxonomy } from '../../../../shared/taxonomy/taxonomy';
import { FORMATS, REGIONS, ROLES } from '../../../../shared/records/vocabulary';
import { escapeValue } from '../../../../shared/wikitext/escape';

const lookup =
  (messages: Record<string, unknown>) =>
  (key: string): string | null => {
    const text = messages[key];
    return typeof text === 'string' ? text : null;
  };

describe('label data for the wiki module', () => {
  const data = labelData(
    { en, ar, qqq: { 'letsconnect-topic-fundraising': 'doc' } },
    defaultTaxonomy(),
  );

  it('holds every vocabulary label, in English and in each translation, and no documentation', () => {
    expect(data.version).toBe(LABEL_DATA_VERSION);
    expect(Object.keys(data.messages).sort()).toEqual(['ar', 'en']);
    for (const id of REGIONS) expect(data.messages.en?.[`letsconnect-region-${id}`]).toBeTruthy();
    for (const id of ROLES) expect(data.messages.en?.[`letsconnect-role-${id}`]).toBeTruthy();
    for (const id of FORMATS) expect(data.messages.en?.[`letsconnect-format-${id}`]).toBeTruthy();
    for (const id of defaultTaxonomy().topics.keys()) {
      expect(data.messages.en?.[`letsconnect-topic-${id}`]).toBeTruthy();
      expect(data.topics[id]?.category).toBeTruthy();
    }
    expect(data.messages.ar?.['letsconnect-region-mena']).toBe(ar['letsconnect-region-mena']);
  });

  it('leaves out the interface messages the module does not need', () => {
    expect(isLabelKey('letsconnect-gadget-form-consent-explain')).toBe(false);
    expect(data.messages.en?.['letsconnect-gadget-form-consent-explain']).toBeUndefined();
    expect(isLabelKey('letsconnect-template-clinic-topic')).toBe(true);
  });
});

describe('labeler', () => {
  const names = (code: string) =>
    new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  const l = labeler(lookup(en), defaultTaxonomy(), ['en'], names);

  it('gives words for ids, and a language with its level in words', () => {
    expect(l.topic('wikidata-basics')).toBe('Basic Wikidata use');
    expect(l.region('mena')).toBe('Middle East and North Africa');
    expect(l.role('core-team')).toBe('Core team');
    expect(l.format('one-to-one')).toBe('1:1 connection');
    expect(l.category('funding')).toBe('Funding-related issues');
    expect(l.language({ code: 'es', level: 'N' })).toBe('Spanish (native)');
    expect(l.language({ code: 'en', level: '3' })).toBe('English (level 3)');
  });

  it('shows an id it has no word for as it is', () => {
    expect(l.topic('not-a-topic')).toBe('not-a-topic');
    expect(l.region('atlantis')).toBe('atlantis');
  });
});

describe('labelCall', () => {
  it('writes a module call whose arguments cannot become markup', () => {
    expect(labelCall('topics', 'fundraising, governance')).toBe(
      "{{#invoke:Let's Connect/Labels|topics|fundraising, governance}}",
    );
    const hostile = labelCall('topic', '}}{{evil|x=1');
    expect(hostile).toBe(
      "{{#invoke:Let's Connect/Labels|topic|&#125;&#125;&#123;&#123;evil&#124;x&#61;1}}",
    );
  });
});

describe('pageMessage', () => {
  it("writes a module call with numbered parameters, so a link's = cannot name one", () => {
    expect(pageMessage('letsconnect-round-intro', 3, '[[:A=B|c]]', '{{#invoke:x|y|z}}')).toBe(
      "{{#invoke:Let's Connect/Labels|msg|letsconnect-round-intro|2=3|3=[[:A=B|c]]|4={{#invoke:x|y|z}}}}",
    );
  });

  it('refuses a parameter that would leave its argument, and a key the label data lacks', () => {
    for (const bad of ['a|b', 'x}}y', '[[a|b', '{{a', 'a]]|[[b'])
      expect(() => pageMessage('letsconnect-round-none', bad)).toThrow(/not one argument/);
    expect(fitsInArgument(escapeValue('}}{{nobots}}|x=y [[Category:Spam]]'))).toBe(true);
    expect(() => pageMessage('letsconnect-gadget-form-consent-explain')).toThrow(/LABEL_KEY/);
  });

  it("carries every key the bot's pages use, and not their edit summaries", () => {
    for (const key of [
      'letsconnect-calendar-page-col-when',
      'letsconnect-round-intro',
      'letsconnect-directory-topic-intro',
      'letsconnect-report-page-def-registered',
      'letsconnect-report-selfMadeMet',
      'letsconnect-resource-page-centre',
      'letsconnect-clinics-bot-heading-attendance',
      'letsconnect-hot-topics-col-gap',
      'letsconnect-pairing-snoozed',
    ])
      expect(isLabelKey(key)).toBe(true);
    for (const key of [
      'letsconnect-resource-page-summary',
      'letsconnect-clinics-bot-summary-edit',
      'letsconnect-report-page-generated',
      'letsconnect-directory-page-generated',
      'letsconnect-report-chart-desc',
    ])
      expect(isLabelKey(key)).toBe(false);
  });
});
