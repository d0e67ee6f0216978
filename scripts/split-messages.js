/**
 * The build step that lets the app load one language's messages (src/lib/i18n/load.ts).
 *
 * Each area's file in src/lib/i18n/messages/ holds both languages in one
 * `defineMessages({ 'zh-CN': {...}, en: {...} })` call, so TypeScript compares their keys. Imported
 * as `<file>?locale=en`, it becomes the same module with the other language's tables emptied
 * (`{}`), importing the modules it merges with that same query: `messages/index.ts?locale=en` is
 * all of English and nothing of Chinese. The app thus ships one chunk per language and fetches
 * only the one it shows.
 */
import { parseSync } from 'vite';

/** @typedef {import('vite').ESTree.ObjectProperty} ObjectProperty */
/** @typedef {{ type: string, start: number, end: number }} Node */
/** @typedef {{ start: number, end: number, text: string }} Edit */

const LOCALES = ['zh-CN', 'en'];
const QUERY = /\?locale=([\w-]+)$/;
const MESSAGES_DIR = /[\\/]src[\\/]lib[\\/]i18n[\\/]messages[\\/][^\\/]+\.ts$/;

/**
 * Every node under `node`, depth first.
 * @param {unknown} node
 * @returns {Generator<Node>}
 */
function* walk(node) {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
  } else if (node && typeof node === 'object') {
    if (typeof (/** @type {Node} */ (node).type) === 'string') yield /** @type {Node} */ (node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') yield* walk(value);
  }
}

/**
 * @param {string} code
 * @param {Edit[]} edits
 */
function apply(code, edits) {
  let out = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** @param {ObjectProperty} p */
const keyName = (p) => (p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : null);

/**
 * A module of messages/ in one language: in each `defineMessages` call every table but `locale`'s
 * becomes `{}`, and each relative import of another module of messages/ gets `query`, so that what
 * it merges (index.ts all areas, an area the files it is split into) is in that language too.
 * Throws on a `defineMessages` call that is not `({ 'zh-CN': {...}, en: {...} })`.
 * @param {string} code
 * @param {string} file
 * @param {string} locale
 * @param {string} query
 */
export function oneLanguage(code, file, locale, query) {
  const { program, errors } = parseSync(file, code);
  if (errors.length) throw new Error(`${file}: ${errors[0].message}`);
  /** @type {Edit[]} */
  const edits = [];
  for (const n of program.body) {
    if (n.type === 'ImportDeclaration' && n.importKind !== 'type' && n.source.value.startsWith('./') && n.source.value !== './define') {
      edits.push({ start: n.source.start, end: n.source.end, text: JSON.stringify(n.source.value + query) });
    }
  }
  const calls = /** @type {import('vite').ESTree.CallExpression[]} */ ([...walk(program)]).filter(
    (n) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'defineMessages'
  );
  for (const call of calls) {
    const table = call.arguments[0];
    if (call.arguments.length !== 1 || table.type !== 'ObjectExpression') throw new Error(`${file}: defineMessages takes one object literal`);
    const names = table.properties.map((p) => (p.type === 'Property' ? keyName(p) : null));
    if (names.length !== LOCALES.length || !LOCALES.every((l) => names.includes(l))) {
      throw new Error(`${file}: defineMessages takes exactly the tables ${LOCALES.join(', ')}`);
    }
    for (const p of table.properties) {
      if (p.type === 'Property' && keyName(p) !== locale) edits.push({ start: p.value.start, end: p.value.end, text: '{}' });
    }
  }
  return apply(code, edits);
}

/**
 * The Vite plugin: transforms `src/lib/i18n/messages/*.ts?locale=<locale>` as above.
 * @returns {import('vite').Plugin}
 */
export function splitMessages() {
  return {
    name: 'kebu:split-messages',
    enforce: 'pre',
    transform(code, id) {
      const match = QUERY.exec(id);
      if (!match) return null;
      const file = id.slice(0, match.index);
      if (!MESSAGES_DIR.test(file)) return null;
      if (!LOCALES.includes(match[1])) this.error(`${id}: unknown locale ${match[1]}`);
      try {
        return { code: oneLanguage(code, file, match[1], match[0]), map: null };
      } catch (e) {
        this.error(e instanceof Error ? e.message : String(e));
      }
    }
  };
}
