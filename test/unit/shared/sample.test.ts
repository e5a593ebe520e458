import { generateSamplePages, DEMO_PROFILE_COUNT } from '../../../shared/sample/generate';
import { parseRecords, parseSingleRecord } from '../../../shared/records/codec';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  validateClinic,
} from '../../../shared/records/clinic';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec, validateProfile } from '../../../shared/records/profile';
import { outcomeCodec, proposalCodec, validateProposal } from '../../../shared/records/proposal';
import { resourceCodec, validateResource } from '../../../shared/records/resource';
import { topicCodec } from '../../../shared/records/topic';
import { usernameFromProfileTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { mergeTaxonomy } from '../../../shared/taxonomy/taxonomy';

describe('generateSamplePages', () => {
  const pages = generateSamplePages();
  const profilePages = pages.filter((p) => p.title.includes('/Participants/'));

  it('is deterministic and defaults to the demo size', () => {
    expect(generateSamplePages()).toEqual(pages);
    expect(generateSamplePages({ seed: 2 })).not.toEqual(pages);
    expect(profilePages).toHaveLength(DEMO_PROFILE_COUNT);
  });

  it('gives each profile its own page, owned by its user', () => {
    expect(new Set(pages.map((p) => p.title)).size).toBe(pages.length);
    for (const p of profilePages)
      expect(usernameFromProfileTitle(DEFAULT_ROOT, p.title)).toBe(p.user);
  });

  it('writes pages that parse and validate without errors', () => {
    const topicsPage = pages.find((p) => p.title.endsWith('/Topics'))?.content ?? '';
    const { taxonomy, problems: topicProblems } = mergeTaxonomy(
      parseRecords(topicCodec, topicsPage).map((r) => r.record),
    );
    expect(topicProblems).toEqual([]);
    for (const page of profilePages) {
      const { parsed, problems } = parseSingleRecord(profileCodec, page.content);
      expect(problems).toEqual([]);
      expect(validateProfile(parsed!.record, taxonomy)).toEqual([]);
      expect(parsed!.record.username).toBe(page.user);
    }
    const all = (codec: Parameters<typeof parseRecords>[0]) =>
      pages.flatMap((p) => parseRecords(codec, p.content));
    for (const codec of [
      clinicCodec,
      signupCodec,
      feedbackCodec,
      memberCodec,
      outcomeCodec,
      proposalCodec,
      resourceCodec,
    ]) {
      const parsed = all(codec);
      expect(parsed.length).toBeGreaterThan(0);
      expect(parsed.flatMap((r) => r.problems)).toEqual([]);
    }
    expect(all(clinicCodec).flatMap((r) => validateClinic(r.record as never, taxonomy))).toEqual(
      [],
    );
    expect(
      all(proposalCodec).flatMap((r) => validateProposal(r.record as never, taxonomy)),
    ).toEqual([]);
    expect(
      all(resourceCodec).flatMap((r) => validateResource(r.record as never, taxonomy)),
    ).toEqual([]);
  });

  it('is shaped like the pilot: every region, mostly new and intermediate, about half affiliated', () => {
    const profiles = profilePages.map(
      (p) => parseSingleRecord(profileCodec, p.content).parsed!.record,
    );
    expect(new Set(profiles.map((p) => p.region)).size).toBe(8);
    expect(new Set(profiles.flatMap((p) => p.languages.map((l) => l.code))).size).toBeGreaterThan(
      15,
    );
    const share = (pred: (p: (typeof profiles)[number]) => boolean) =>
      profiles.filter(pred).length / profiles.length;
    expect(share((p) => p.experience !== 'experienced')).toBeGreaterThan(0.75);
    expect(share((p) => p.groups.some((g) => /Wikimedia/.test(g.group)))).toBeGreaterThan(0.35);
    expect(share((p) => p.groups.some((g) => /Wikimedia/.test(g.group)))).toBeLessThan(0.65);
  });

  it('generates 10,000 profiles', () => {
    const big = generateSamplePages({ profiles: 10_000 });
    expect(big.filter((p) => p.title.includes('/Participants/'))).toHaveLength(10_000);
  });
});
