/**
 * The program's templates: their page names and the files in this folder that hold their
 * wikitext (with TemplateData in the <noinclude> section). Pure data: the seeding script
 * reads the files, shared code only needs the names.
 */

export const TEMPLATE_NAMESPACE = 'Template';

/** Every template name starts with this. */
export const TEMPLATE_PREFIX = "Let's Connect/";

export const TEMPLATES = {
  profile: { name: "Let's Connect/Profile", file: 'profile.wikitext' },
  topic: { name: "Let's Connect/Topic", file: 'topic.wikitext' },
  member: { name: "Let's Connect/Member", file: 'member.wikitext' },
  proposal: { name: "Let's Connect/Proposal", file: 'proposal.wikitext' },
  outcome: { name: "Let's Connect/Outcome", file: 'outcome.wikitext' },
  clinic: { name: "Let's Connect/Clinic", file: 'clinic.wikitext' },
  signup: { name: "Let's Connect/Sign-up", file: 'signup.wikitext' },
  feedback: { name: "Let's Connect/Feedback", file: 'feedback.wikitext' },
  resource: { name: "Let's Connect/Resource", file: 'resource.wikitext' },
  request: { name: "Let's Connect/Request", file: 'request.wikitext' },
  answer: { name: "Let's Connect/Answer", file: 'answer.wikitext' },
  reply: { name: "Let's Connect/Reply", file: 'reply.wikitext' },
} as const;

export type TemplateId = keyof typeof TEMPLATES;

/** `Template:Let's Connect/Profile` */
export function templatePageTitle(id: TemplateId): string {
  return `${TEMPLATE_NAMESPACE}:${TEMPLATES[id].name}`;
}
