import { MAX_ID } from '../platform/http/id-param.pipe';

/** One entry of a staff issue request: a member id, a phone number, or a line that is neither. */
export interface IssueEntry {
  source: 'memberIds' | 'text';
  line: number;
  input: string;
  kind: 'memberId' | 'phone' | 'invalid';
}

const PHONE = /^1\d{10}$/;
const ID = /^\d{1,10}$/;

/**
 * Reads the member ids and the pasted or uploaded list (CSV or one entry per line; the first column counts,
 * quotes and a byte-order mark are stripped, blank lines are left out). A header line comes out invalid.
 */
export function parseIssueList(memberIds: number[], text: string): IssueEntry[] {
  const fromIds: IssueEntry[] = memberIds.map((id, index) => ({ source: 'memberIds', line: index + 1, input: String(id), kind: 'memberId' }));
  const fromText: IssueEntry[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const input = raw.split(/[,，\t;；]/)[0].trim().replace(/^"(.*)"$/, '$1').trim();
      if (raw.trim() === '') return;
      const kind = PHONE.test(input) ? 'phone' : ID.test(input) && Number(input) >= 1 && Number(input) <= MAX_ID ? 'memberId' : 'invalid';
      fromText.push({ source: 'text', line: index + 1, input: input || raw.trim(), kind });
    });
  return [...fromIds, ...fromText];
}
