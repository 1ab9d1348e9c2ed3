jest.mock('@tarojs/taro', () => ({}));

import { ATTRIBUTION_HEADERS } from '@shared/api/common';
import { attributionFromQuery, attributionToHeaders } from './attribution';

describe('attribution from a launch query', () => {
  it('keeps only the attribution parameters, decoded', () => {
    const attribution = attributionFromQuery({ referrer: 'R8K2', channel: '%E6%9C%8B%E5%8F%8B%E5%9C%88', id: '12' });
    expect(attribution).toEqual({ referrer: 'R8K2', channel: '朋友圈' });
  });

  it('ignores blank values and caps long ones', () => {
    const attribution = attributionFromQuery({ referrer: '  ', liveRoom: 'x'.repeat(200) });
    expect(attribution.referrer).toBeUndefined();
    expect(attribution.liveRoom).toHaveLength(64);
  });

  it('keeps a value that is not valid percent-encoding as it came', () => {
    expect(attributionFromQuery({ channel: '100%' }).channel).toBe('100%');
  });

  it('becomes the shared attribution headers', () => {
    expect(attributionToHeaders({ referrer: 'R8K2', liveRoom: '7' })).toEqual({
      [ATTRIBUTION_HEADERS.referrer]: 'R8K2',
      [ATTRIBUTION_HEADERS.liveRoom]: '7',
    });
  });
});
