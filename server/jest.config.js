/** Unit tests: `*.spec.ts` beside the code in src/. */
const swcConfig = require('./jest.swc');

module.exports = {
  rootDir: 'src',
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
};
