import { JSON_BODY_LIMITS, JSON_MAX_CONTAINERS, JSON_MAX_DEPTH, jsonBodyLimits, jsonShapeProblem } from './json-body';

const JSON_MAX_ARRAY_LENGTH = 5000;

describe('jsonShapeProblem', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('takes nesting up to the limit and refuses one level more', () => {
    expect(jsonShapeProblem(nested(JSON_MAX_DEPTH), JSON_MAX_ARRAY_LENGTH)).toBeNull();
    expect(jsonShapeProblem(nested(JSON_MAX_DEPTH + 1), JSON_MAX_ARRAY_LENGTH)).toBe('too_deep');
    expect(jsonShapeProblem(`{"a":${nested(JSON_MAX_DEPTH)}}`, JSON_MAX_ARRAY_LENGTH)).toBe('too_deep');
  });

  it('skips brackets, braces, commas and escaped quotes inside strings', () => {
    expect(jsonShapeProblem(JSON.stringify({ text: '[{'.repeat(5000) + ','.repeat(10_000) + '\\"[' }), JSON_MAX_ARRAY_LENGTH)).toBeNull();
  });

  it('counts objects and arrays, and array elements', () => {
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: JSON_MAX_CONTAINERS - 1 }, () => ({}))), JSON_MAX_ARRAY_LENGTH)).toBeNull();
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: JSON_MAX_CONTAINERS }, () => ({}))), JSON_MAX_ARRAY_LENGTH)).toBe('too_many_containers');
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: JSON_MAX_ARRAY_LENGTH }, () => 1)), JSON_MAX_ARRAY_LENGTH)).toBeNull();
    expect(jsonShapeProblem(JSON.stringify(Array.from({ length: JSON_MAX_ARRAY_LENGTH + 1 }, () => 1)), JSON_MAX_ARRAY_LENGTH)).toBe('array_too_long');
    // Commas between an object's fields are not array elements.
    expect(jsonShapeProblem(JSON.stringify(Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, i]))), JSON_MAX_ARRAY_LENGTH)).toBeNull();
  });

  it('checks a 900 KB body in a few milliseconds', () => {
    const deep = nested(450_000);
    const flat = JSON.stringify({ a: 'x'.repeat(900_000) });
    const started = process.cpuUsage();
    expect(jsonShapeProblem(deep, JSON_MAX_ARRAY_LENGTH)).toBe('too_deep');
    expect(jsonShapeProblem(flat, JSON_MAX_ARRAY_LENGTH)).toBeNull();
    const used = process.cpuUsage(started);
    // CPU time, not wall time: other test files run in parallel. Parsing the same text costs more than this.
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});

describe('jsonBodyLimits', () => {
  it('gives the login routes, the admin routes and the shopper routes their own limits', () => {
    expect(jsonBodyLimits('/api/v1/auth/wechat-login')).toBe(JSON_BODY_LIMITS.login);
    expect(jsonBodyLimits('/api/v1/admin/auth/login?x=1')).toBe(JSON_BODY_LIMITS.login);
    expect(jsonBodyLimits('/api/v1/admin/products')).toBe(JSON_BODY_LIMITS.admin);
    expect(jsonBodyLimits('/api/v1/orders')).toBe(JSON_BODY_LIMITS.shopper);
  });
});
