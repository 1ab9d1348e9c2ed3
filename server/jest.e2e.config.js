/** API end-to-end tests in tests/api/, against the real Nest app and a real database (TEST_DB=sqlite|mariadb). */
const path = require('node:path');
const swcConfig = require('./jest.swc');

module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/tests/api'],
  testMatch: ['**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  // tests/ has no node_modules of its own: resolve packages from the server's, after the usual lookup (a
  // package's own nested node_modules, e.g. fast-check's pure-rand, must win over the server's top level).
  modulePaths: [path.join(__dirname, 'node_modules')],
  transform: { '^.+\\.(ts|js)$': [require.resolve('@swc/jest'), swcConfig] },
  // content-disposition 3 (used by @fastify/static) ships only ES modules, which Node loads but jest's
  // module system does not: compile it to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testTimeout: 60000,
};
