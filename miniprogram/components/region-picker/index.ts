/**
 * 区 → 街道（镇） → 社区（村）: three rows, each opening a list of big tappable names (easier for
 * older hands than a scroll wheel). Lists come from `org.children`, one level at a time; choosing a
 * district loads its streets and opens them at once, and so on. Reports a `RegionValue` on `change`.
 *
 * Properties: `preset` (ids from the root down, e.g. a registration point's ancestors and id: the
 * rows are chosen along that path), `error` (a message shown under the rows).
 */
import type { OrgNodeSummary, OrgNodeType } from '../../../typings';
import { toCallError } from '../../services/cloud';
import { fetchOrgChildren } from '../../services/org';
import { emptyRegion, type RegionValue } from './region';

type Level = 'district' | 'street' | 'community';

/** One name in a list. */
interface RegionOption {
  id: string;
  name: string;
}

const SHEET_TITLES: Record<Level, string> = {
  district: '请选择您住在哪个区',
  street: '请选择街道（镇）',
  community: '请选择社区（村）',
};

function optionsOf(nodes: OrgNodeSummary[], type: OrgNodeType): RegionOption[] {
  return nodes.filter((n) => n.type === type).map((n) => ({ id: n.id, name: n.name }));
}

/** Districts are top-level nodes or the children of a top-level city (厦门市). */
async function loadDistrictOptions(): Promise<RegionOption[]> {
  const roots = await fetchOrgChildren();
  const cities = roots.filter((n) => n.type === 'city');
  const below = await Promise.all(cities.map((city) => fetchOrgChildren(city.id)));
  return [...optionsOf(roots, 'district'), ...below.flatMap((nodes) => optionsOf(nodes, 'district'))];
}

Component({
  properties: {
    /** Ids from the root down; the rows are chosen along this path once the lists arrive. */
    preset: { type: Array, value: [] as string[] },
    /** A message shown under the rows, e.g. from the page's validation or the server. */
    error: { type: String, value: '' },
  },

  data: {
    districts: [] as RegionOption[],
    streets: [] as RegionOption[],
    communities: [] as RegionOption[],
    ...emptyRegion(),
    /** Which list is loading, '' when none. */
    loading: '' as Level | '',
    /** Which list failed to load, '' when none; its row offers to try again. */
    failed: '' as Level | '',
    failMessage: '',
    /** Which list is open, '' when none. */
    sheet: '' as Level | '',
    sheetTitle: '',
    sheetOptions: [] as RegionOption[],
    sheetSelectedId: '',
    /** A community is optional: its list offers 「不清楚，先不选」. */
    sheetAllowsNone: false,
    /** A preset waiting for the district list. */
    pendingPreset: [] as string[],
    /** The last preset taken, so the same one is not applied again. */
    presetKey: '',
    /** Bumped on every choice, so a slow answer for an earlier choice is ignored. */
    generation: 0,
  },

  observers: {
    preset(ids: string[]) {
      // A parent's re-render may hand over the same path again: apply each path once only.
      if (!Array.isArray(ids) || ids.length === 0 || ids.join('/') === this.data.presetKey) return;
      this.setData({ pendingPreset: ids, presetKey: ids.join('/') });
      if (this.data.districts.length > 0) void this.applyPreset();
    },
  },

  lifetimes: {
    attached() {
      void this.loadDistricts();
    },
  },

  methods: {
    /** Loads the districts (once, or again after a failure), then applies a waiting preset. */
    async loadDistricts(): Promise<void> {
      this.setData({ loading: 'district', failed: '', failMessage: '' });
      try {
        const districts = await loadDistrictOptions();
        this.setData({ districts, loading: '' });
        if (this.data.pendingPreset.length > 0) await this.applyPreset();
      } catch (err) {
        this.setData({ loading: '', failed: 'district', failMessage: toCallError(err).message });
      }
    },

    /** The list below a chosen node; false when the answer came too late or failed. */
    async loadLevel(level: 'street' | 'community', parentId: string, generation: number): Promise<boolean> {
      this.setData({ loading: level, failed: '', failMessage: '' });
      try {
        const options = optionsOf(await fetchOrgChildren(parentId), level);
        if (generation !== this.data.generation) return false;
        this.setData(level === 'street' ? { streets: options, loading: '' } : { communities: options, loading: '' });
        return true;
      } catch (err) {
        if (generation !== this.data.generation) return false;
        this.setData({ loading: '', failed: level, failMessage: toCallError(err).message });
        return false;
      }
    },

    /** Chooses along the preset path as far as the lists allow, without opening any list. */
    async applyPreset(): Promise<void> {
      const path = this.data.pendingPreset;
      this.setData({ pendingPreset: [] });
      const district = this.data.districts.find((d) => path.includes(d.id));
      if (!district) return;
      if (!(await this.chooseDistrict(district, false))) return;
      const street = this.data.streets.find((s) => path.includes(s.id));
      if (!street) return;
      if (!(await this.chooseStreet(street, false))) return;
      const community = this.data.communities.find((c) => path.includes(c.id));
      if (community) this.chooseCommunity(community);
    },

    async chooseDistrict(option: RegionOption, openNext: boolean): Promise<boolean> {
      const generation = this.data.generation + 1;
      this.setData({
        generation,
        districtId: option.id,
        districtName: option.name,
        streetId: '',
        streetName: '',
        communityId: '',
        communityName: '',
        streets: [],
        communities: [],
      });
      this.emitChange();
      const loaded = await this.loadLevel('street', option.id, generation);
      if (loaded && openNext && this.data.streets.length > 0) this.openSheet('street');
      return loaded;
    },

    async chooseStreet(option: RegionOption, openNext: boolean): Promise<boolean> {
      const generation = this.data.generation + 1;
      this.setData({
        generation,
        streetId: option.id,
        streetName: option.name,
        communityId: '',
        communityName: '',
        communities: [],
      });
      this.emitChange();
      const loaded = await this.loadLevel('community', option.id, generation);
      if (loaded && openNext && this.data.communities.length > 0) this.openSheet('community');
      return loaded;
    },

    chooseCommunity(option: RegionOption | null) {
      this.setData({
        generation: this.data.generation + 1,
        communityId: option ? option.id : '',
        communityName: option ? option.name : '',
      });
      this.emitChange();
    },

    emitChange() {
      const { districtId, districtName, streetId, streetName, communityId, communityName } = this.data;
      const value: RegionValue = { districtId, districtName, streetId, streetName, communityId, communityName };
      this.triggerEvent('change', value);
    },

    openSheet(level: Level) {
      const options =
        level === 'district' ? this.data.districts : level === 'street' ? this.data.streets : this.data.communities;
      const selected =
        level === 'district' ? this.data.districtId : level === 'street' ? this.data.streetId : this.data.communityId;
      this.setData({
        sheet: level,
        sheetTitle: SHEET_TITLES[level],
        sheetOptions: options,
        sheetSelectedId: selected,
        sheetAllowsNone: level === 'community',
      });
    },

    /** A row was tapped: open its list, or load it again after a failure. */
    onRowTap(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { level: Level }>) {
      const { level } = event.currentTarget.dataset;
      if (this.data.loading !== '') return;
      if (this.data.failed === level) {
        if (level === 'district') void this.loadDistricts();
        else if (level === 'street' && this.data.districtId !== '') {
          void this.loadLevel('street', this.data.districtId, this.data.generation);
        } else if (level === 'community' && this.data.streetId !== '') {
          void this.loadLevel('community', this.data.streetId, this.data.generation);
        }
        return;
      }
      if (level === 'street' && this.data.districtId === '') return;
      if (level === 'community' && this.data.streetId === '') return;
      this.openSheet(level);
    },

    /** A name in the open list was tapped. */
    onPick(event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const { id } = event.currentTarget.dataset;
      const level = this.data.sheet;
      const option = this.data.sheetOptions.find((o) => o.id === id) ?? null;
      this.setData({ sheet: '' });
      if (level === 'district' && option) {
        if (option.id !== this.data.districtId) void this.chooseDistrict(option, true);
      } else if (level === 'street' && option) {
        if (option.id !== this.data.streetId) void this.chooseStreet(option, true);
      } else if (level === 'community') {
        this.chooseCommunity(option);
      }
    },

    onCloseSheet() {
      this.setData({ sheet: '' });
    },

    onSheetVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!event.detail.visible) this.setData({ sheet: '' });
    },
  },
});
