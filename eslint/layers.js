/**
 * `kebu/layers`: every file under src/ belongs to a layer (a folder of src/lib, the routes, or
 * src/ itself), and each layer imports only the layers and packages its entry allows. The table
 * is in eslint.config.js (LAYERS); a folder of src/lib without an entry is an error, so a new
 * folder has to be placed before it can be used.
 *
 * Imports are resolved, whichever way they are written ($lib/…, ../…), so a relative path cannot
 * go around the table. Tests (`*.test.ts`, `test-*.ts`) may also import the demo and fixture
 * generators ($lib/demo), the helpers in tests/, and any package.
 */
import path from 'node:path';

const TEST_FILE = /(\.test\.ts|\/test-[\w-]+\.ts)$/;

/** The layer a path (relative to the project, with /) belongs to, or null outside src/. */
function layerOf(file) {
  if (file.startsWith('src/lib/')) {
    const rest = file.slice('src/lib/'.length);
    if (rest.includes('/')) return rest.slice(0, rest.indexOf('/'));
    return rest.includes('.') ? '(src/lib itself)' : rest; // `$lib/grid` is the folder's index
  }
  // the /dev pages (only in the benchmark build) are routes too
  if (/^src\/(routes|dev-routes)(\/|$)/.test(file)) return 'routes';
  if (file.startsWith('src/')) return 'src';
  return null;
}

function packageOf(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const matches = (spec, pattern) => pattern === '*' || spec === pattern || (pattern.endsWith('*') && spec.startsWith(pattern.slice(0, -1)));

export function layersRule(layers) {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'each layer imports only what its entry in the layer table allows' },
      schema: []
    },
    create(context) {
      const root = context.cwd;
      const file = path.relative(root, context.filename).split(path.sep).join('/');
      const from = layerOf(file);
      if (from === null) return {};
      const entry = layers[from];
      const test = TEST_FILE.test(file);
      const where = `${from === 'src' || from === 'routes' ? from : `src/lib/${from}`}`;

      function check(node, spec) {
        if (typeof spec !== 'string') return;
        if (!entry) return;
        let target = null;
        if (spec === '$lib' || spec.startsWith('$lib/')) target = `src/lib/${spec.slice(5)}`;
        else if (spec.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (target === null) {
          const name = packageOf(spec);
          if (test || entry.packages.some((p) => matches(spec, p) || matches(name, p))) return;
          context.report({
            node,
            message: `${where} may not import the package '${spec}' (allowed: ${entry.packages.join(', ') || 'none'}; see LAYERS in eslint.config.js).`
          });
          return;
        }
        const to = layerOf(target);
        if (to === null) {
          if (test && target.startsWith('tests/')) return;
          context.report({ node, message: `${where} may not import '${spec}' from outside src/.` });
          return;
        }
        if (to === from) return;
        if (!layers[to]) {
          context.report({ node, message: `'${spec}' is in src/lib/${to}, a folder with no entry in LAYERS (eslint.config.js).` });
          return;
        }
        if (entry.imports.includes(to) || (test && to === 'demo')) return;
        context.report({
          node,
          message: `${where} may not import ${to === 'routes' || to === 'src' ? to : `src/lib/${to}`} ('${spec}'); it may import: ${entry.imports.join(', ') || 'nothing'} (LAYERS in eslint.config.js).`
        });
      }

      return {
        Program(node) {
          if (!entry) context.report({ node, message: `${where} has no entry in LAYERS (eslint.config.js): say which layers it may import.` });
        },
        ImportDeclaration: (node) => check(node.source, node.source.value),
        ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
        ExportAllDeclaration: (node) => check(node.source, node.source.value),
        ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value)
      };
    }
  };
}
