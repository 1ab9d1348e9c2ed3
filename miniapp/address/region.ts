import { useCascaderAreaData } from '@vant/area-data';
import type { CascaderOption } from '@nutui/nutui-react-taro';

// Province → city → district tree keyed by the 6-digit administrative codes (GB/T 2260), as the
// address picker shows it. The name starts with `use` but it only builds data: it is no React hook.
export const regionOptions: CascaderOption[] = useCascaderAreaData();

export interface RegionNames {
  provinceName: string;
  cityName: string;
  districtName: string;
}

const districtPaths = new Map<string, { codes: string[]; names: RegionNames }>();
const districtCodesByNames = new Map<string, string>();
const namesKey = (names: RegionNames) => `${names.provinceName}/${names.cityName}/${names.districtName}`;
for (const province of regionOptions) {
  for (const city of province.children ?? []) {
    for (const district of city.children ?? []) {
      const names = { provinceName: province.text!, cityName: city.text!, districtName: district.text! };
      districtPaths.set(String(district.value), {
        codes: [String(province.value), String(city.value), String(district.value)],
        names,
      });
      districtCodesByNames.set(namesKey(names), String(district.value));
    }
  }
}

/** Province, city and district codes leading to a district code (the picker's value); [] for an unknown code. */
export function regionPath(districtCode: string): string[] {
  return districtPaths.get(districtCode)?.codes ?? [];
}

/** The names of a district code, or null when the code is no district in the data. */
export function regionNames(districtCode: string): RegionNames | null {
  return districtPaths.get(districtCode)?.names ?? null;
}

/** The district code of province, city and district names exactly as the data spells them; null when unknown. */
export function districtCodeOf(names: RegionNames): string | null {
  return districtCodesByNames.get(namesKey(names)) ?? null;
}
