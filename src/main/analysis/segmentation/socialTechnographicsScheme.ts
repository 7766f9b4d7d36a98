/**
 * Template: Forrester's Social Technographics ladder (C. Li and J. Bernoff, *Groundswell*,
 * Harvard Business Press 2008; Conversationalists added by Forrester in 2010). Forrester counts a
 * person on every rung whose activities they do at least monthly, so its rungs overlap; a
 * segmentation needs one segment per person, so this template gives each online respondent the
 * highest rung they reach, in ladder order (first match wins), and Inactives to the rest.
 *
 * One role per activity Forrester lists for a rung, each a frequency answer; the thresholds are
 * codes on the demo's scale (3 = monthly). Forrester's published shares count overlapping rungs,
 * so they are not comparable with these exclusive segments and no reference is given.
 */
import type { RoleTest, SegmentRole, SegmentScheme } from '../../../shared/domain/segments';

const MONTHLY = 3;

const RUNGS: Array<{ label: string; roles: SegmentRole[] }> = [
  {
    label: 'Creators',
    roles: [
      { name: 'create_blog', label: 'Publishes a blog or articles (frequency)' },
      { name: 'create_web_page', label: 'Publishes their own web pages (frequency)' },
      { name: 'create_video', label: 'Uploads video or audio they created (frequency)' },
    ],
  },
  {
    label: 'Conversationalists',
    roles: [{ name: 'post_status', label: 'Updates a status or posts short updates (frequency)' }],
  },
  {
    label: 'Critics',
    roles: [
      { name: 'create_review', label: 'Posts ratings or reviews of products (frequency)' },
      { name: 'comment', label: 'Comments on someone else’s blog or posts (frequency)' },
      { name: 'post_forum', label: 'Contributes to online forums (frequency)' },
      { name: 'edit_wiki', label: 'Contributes to or edits wiki articles (frequency)' },
    ],
  },
  {
    label: 'Collectors',
    roles: [
      { name: 'use_rss', label: 'Uses RSS feeds (frequency)' },
      { name: 'tag_content', label: 'Adds tags to web pages or photos (frequency)' },
      { name: 'vote_online', label: 'Votes for websites online (frequency)' },
    ],
  },
  {
    label: 'Joiners',
    roles: [
      {
        name: 'social_profile',
        label: 'Maintains a profile on or visits a social networking site (frequency)',
      },
    ],
  },
  {
    label: 'Spectators',
    roles: [
      { name: 'read_blogs', label: 'Reads blogs (frequency)' },
      { name: 'watch_video', label: 'Watches video from other users (frequency)' },
      { name: 'listen_podcasts', label: 'Listens to podcasts (frequency)' },
      { name: 'read_forums', label: 'Reads online forums (frequency)' },
      { name: 'read_reviews', label: 'Reads customer ratings or reviews (frequency)' },
    ],
  },
];

const atLeastMonthly = (role: SegmentRole): RoleTest => ({
  role: role.name,
  op: '>=',
  value: MONTHLY,
});

export const socialTechnographicsScheme: SegmentScheme = {
  name: 'social-technographics',
  title: 'Social Technographics ladder (Forrester)',
  description:
    'Online users by the highest rung of Forrester’s ladder they reach at least monthly: creators, conversationalists, critics, collectors, joiners, spectators; inactives do none of these.',
  roles: [
    { name: 'online', label: 'Uses the internet (1 = yes)' },
    ...RUNGS.flatMap((r) => r.roles),
  ],
  universe: { role: 'online', op: '=', value: 1 },
  rules: RUNGS.map((rung, index) => ({
    code: index + 1,
    label: rung.label,
    when: { any: rung.roles.map(atLeastMonthly) },
  })),
  else: { code: RUNGS.length + 1, label: 'Inactives' },
  defaultName: 'technographics',
};
