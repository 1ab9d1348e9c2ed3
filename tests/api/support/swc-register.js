// Lets a plain `node` child process run the TypeScript sources, compiled by the server's swc like the jest suites are.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const server = join(__dirname, '../../../server');
// The server's own swc (the repository root has another version).
const { transformSync } = require(require.resolve('@swc/core', { paths: [server] }));
const options = require(join(server, 'jest.swc'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  // A fresh copy for every file: swc fills in the options object it is given.
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...structuredClone(options), filename, swcrc: false });
  module._compile(code, filename);
};
