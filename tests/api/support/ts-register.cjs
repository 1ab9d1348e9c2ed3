// Lets a plain `node -r ./ts-register.cjs server/src/main.ts` run the server from its TypeScript sources, compiled
// on load by swc with the jest settings, so tests can start real server processes without a build.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const serverDir = join(__dirname, '..', '..', '..', 'server');
const { transformSync } = createRequire(join(serverDir, 'package.json'))('@swc/core');
const swcConfig = require(join(serverDir, 'jest.swc.js'));

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcConfig, filename });
  module._compile(code, filename);
};
