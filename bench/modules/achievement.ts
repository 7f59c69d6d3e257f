/**
 * Achievement (docs/achievement.md) in the benchmark: the holders' registry (劳模工匠) at `scale` ×
 * the demo's 300 holders, and courses, skill certificates, mentoring pairs and proposals at `scale` ×
 * the demo's volume (sized by the demo's 200,000 members). Timed beside their own SQL: the honours
 * list and a search, the certificates list and a search, and the achievement dashboards (honours,
 * training and certification coverage).
 */
import { seedDemoHonor, DEMO_HOLDER_COUNT } from '../../server/src/seed/demo-honor.js';
import { seedDemoTraining } from '../../server/src/seed/demo-training.js';
import { DEMO_MEMBER_COUNT } from '../../server/src/seed/demo-member-gen.js';
import { DEMO_DEFAULT_SEED } from '../../server/src/seed/demo-city.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

const ratio = 1.5;

export const achievementBench: ModuleBench = {
  id: 'achievement',
  what: '建功立业：劳模工匠名册、技能证书、概况 / honours, certificates and the achievement dashboards',
  async seed(s, { scale, log }) {
    return s.db.transaction(async (tx) => {
      // A seed of its own, so that a demo already in the database cannot collide with these rows.
      const honor = await seedDemoHonor(tx, { seed: DEMO_DEFAULT_SEED + 18, holders: DEMO_HOLDER_COUNT * scale });
      const training = await seedDemoTraining(tx, { seed: DEMO_DEFAULT_SEED + 18, scale, basis: DEMO_MEMBER_COUNT });
      log(`  achievement: ${honor.holders} holders, ${training.certificates} certificates, ${training.courses} courses, ${training.proposals} proposals`);
      return {
        honor_record: honor.holders,
        honor_care: honor.care,
        skill_certificate: training.certificates,
        training_course: training.courses,
        training_enrolment: training.enrolments,
        mentoring_pair: training.pairs,
        proposal: training.proposals,
      };
    });
  },
  routes: [
    {
      id: 'achievement.honors.list',
      what: '劳模工匠名册（区）/ holders list, district',
      url: '/api/honors/records?page=1&pageSize=20',
      who: 'district',
      target: { ratio },
    },
    {
      id: 'achievement.honors.search',
      what: '劳模工匠按姓名查询（市）/ holders search, city',
      url: '/api/honors/records?q=%E7%8E%8B&pageSize=20',
      who: 'city',
      target: { ratio },
    },
    {
      id: 'achievement.certificates.list',
      what: '技能证书列表（区）/ certificates list, district',
      url: '/api/training/certificates?page=1&pageSize=20',
      who: 'district',
      target: { ratio },
    },
    {
      id: 'achievement.certificates.search',
      what: '技能证书按等级和职业查询（市）/ certificates by level and trade, city',
      url: '/api/training/certificates?level=technician&q=%E7%94%B5%E5%B7%A5&pageSize=20',
      who: 'city',
      target: { ratio },
    },
    {
      id: 'achievement.dashboard.honors',
      what: '评选表彰和劳模工匠概况（市）/ honours dashboard, city',
      url: '/api/honors/dashboard',
      who: 'city',
      target: { ratio },
    },
    {
      id: 'achievement.dashboard.training',
      what: '技能培训概况（市）/ training dashboard, city',
      url: '/api/training/dashboard',
      who: 'city',
      target: { ratio },
    },
    {
      id: 'achievement.coverage',
      what: '持证覆盖按区和行业（区）/ certification coverage, district',
      url: '/api/training/coverage',
      who: 'district',
      target: { ratio },
    },
  ],
};

MODULE_BENCHES.push(achievementBench);
