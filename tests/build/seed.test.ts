import { XIAMEN_ORG_SEED, validateSeed } from '../../emulator/seed/xiamen-orgs';
import { orgDocsFromSeed, seedDemo } from '../../emulator/seed';
import { seedDemoActivity } from '../../emulator/seed/demo-activity';
import { startTestCloud } from '../helpers/local-cloud';
import { COLLECTIONS } from '../../database/collections';

describe('demo seed', () => {
  it('is a well-formed tree', () => {
    expect(validateSeed(XIAMEN_ORG_SEED)).toEqual([]);
  });

  it('covers the six districts of Xiamen, each with a service station and a mobile members branch', () => {
    const docs = orgDocsFromSeed(XIAMEN_ORG_SEED, new Date());
    const districts = docs.filter((d) => d.type === 'district');
    expect(districts.map((d) => d.name)).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']);
    for (const d of districts) {
      const below = docs.filter((n) => n.ancestors.includes(d._id));
      expect(below.some((n) => n.type === 'station')).toBe(true);
      expect(below.some((n) => n.type === 'mobile_branch')).toBe(true);
    }
    expect(docs.every((d) => d.demo)).toBe(true);
  });

  it('derives ancestors and child counts', () => {
    const docs = orgDocsFromSeed(XIAMEN_ORG_SEED, new Date());
    const byId = new Map(docs.map((d) => [d._id, d]));
    for (const d of docs) {
      expect(d.ancestors).toEqual(d.parentId ? [...byId.get(d.parentId)!.ancestors, d.parentId] : []);
      expect(d.childCount).toBe(docs.filter((c) => c.parentId === d._id).length);
    }
  });

  it('is idempotent: a second run adds nothing', async () => {
    const t = await startTestCloud();
    try {
      const again = await seedDemo(t.db);
      expect(again.every((r) => r.created === 0)).toBe(true);
      const orgs = await t.db.collection(COLLECTIONS.orgs).count();
      expect(orgs.total).toBe(XIAMEN_ORG_SEED.length);
    } finally {
      await t.close();
    }
  });

  it('adds demo activity through the functions once: sessions to sign up for, a confirmed dues base', async () => {
    const t = await startTestCloud();
    try {
      expect(await seedDemoActivity(t.cloud.functions)).toEqual({ sessions: 2, duesProfiles: 1 });
      expect(await seedDemoActivity(t.cloud.functions)).toEqual({ sessions: 0, duesProfiles: 0 });
      const { reply } = await t.call('sessions', 'list', { tab: 'upcoming' }, 'demo-member');
      expect(reply.ok && reply.data.items.length).toBe(2);
    } finally {
      await t.close();
    }
  });
});
