import { readFileSync } from 'node:fs';

/** Linux's USER_HZ, 100 on every mainstream kernel configuration. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * User + system CPU time of a process so far, from /proc (Linux), in ms; with `reapedChildren`, also that of
 * its children that have exited (a load generator run as a child process, once it has finished).
 */
export function processCpuMs(pid: number | 'self', { reapedChildren = false } = {}): number {
  // Fields after the command name (which may hold spaces): utime is field 14, stime 15, cutime 16, cstime 17.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
