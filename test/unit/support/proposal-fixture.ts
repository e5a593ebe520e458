import type { Proposal } from '../../../shared/records/proposal';

/** A proposal as the bot writes it, still to review; `over` changes what a test is about. */
export const proposalFixture = (over: Partial<Proposal> = {}): Proposal => ({
  id: '2026-11-001',
  learners: ['L'],
  sharer: 'S',
  topic: 'growth-paths',
  format: 'one-to-one',
  languages: ['en'],
  score: 70,
  reason: 'why',
  status: 'proposed',
  reviewer: '',
  reviewed: '',
  note: '',
  ...over,
});
