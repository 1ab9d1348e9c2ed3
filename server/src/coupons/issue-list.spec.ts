import { parseIssueList } from './issue-list';

describe('parseIssueList', () => {
  it('reads ids first, then the first column of each non-blank line', () => {
    const text = '\uFEFF手机号,备注\r\n13800000001,老客\n\n"42"\n  13900000002  \n1380000000\n0\n';
    expect(parseIssueList([7], text)).toEqual([
      { source: 'memberIds', line: 1, input: '7', kind: 'memberId' },
      { source: 'text', line: 1, input: '手机号', kind: 'invalid' },
      { source: 'text', line: 2, input: '13800000001', kind: 'phone' },
      { source: 'text', line: 4, input: '42', kind: 'memberId' },
      { source: 'text', line: 5, input: '13900000002', kind: 'phone' },
      // ten digits: not a phone; read as a member id
      { source: 'text', line: 6, input: '1380000000', kind: 'memberId' },
      { source: 'text', line: 7, input: '0', kind: 'invalid' },
    ]);
  });

  it('does not take an id beyond the database INT for a member id', () => {
    expect(parseIssueList([], '9999999999')[0].kind).toBe('invalid');
  });
});
