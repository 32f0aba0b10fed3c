/** The value of the region picker (区 → 街道 → 社区) and how it becomes the contract's residence. */
import type { ResidenceInput } from '../../../typings';

/** What the picker reports on every change; '' where nothing is chosen yet. */
export interface RegionValue {
  districtId: string;
  districtName: string;
  streetId: string;
  streetName: string;
  /** Optional in the contract: '' when the person chose 「不清楚，先不选」. */
  communityId: string;
  communityName: string;
}

/** Nothing chosen. */
export function emptyRegion(): RegionValue {
  return { districtId: '', districtName: '', streetId: '', streetName: '', communityId: '', communityName: '' };
}

/** True once a district and a street are chosen (the community is optional). */
export function isRegionComplete(value: RegionValue): boolean {
  return value.districtId !== '' && value.streetId !== '';
}

/** 湖里区 殿前街道 兴隆社区, for showing what was chosen. */
export function regionLabel(value: RegionValue): string {
  return [value.districtName, value.streetName, value.communityName].filter((s) => s !== '').join(' ');
}

/** The contract's residence from a chosen region and a typed address. */
export function toResidenceInput(value: RegionValue, address: string): ResidenceInput {
  const residence: ResidenceInput = { districtId: value.districtId, streetId: value.streetId, address: address.trim() };
  if (value.communityId !== '') residence.communityId = value.communityId;
  return residence;
}
