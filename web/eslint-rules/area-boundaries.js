// Module boundaries: a page area (a top folder under src/pages/, and each folder under
// src/pages/admin/) uses only its own files and what is shared (src/lib/, src/components/,
// src/api/, src/app/, src/i18n/); what several areas need moves there. The admin module's own
// list (files directly in src/pages/admin/) gathers the admin folders' pages, and the registry
// in src/app/ imports each area's modules.tsx. Shared code (lib, components) imports no page.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** `customers`, `admin/users`, `admin` for a file directly in pages/admin/, or null. */
export function areaOf(pagesDir, file) {
  const parts = path.relative(pagesDir, file).split(path.sep);
  if (parts[0] === '..' || path.isAbsolute(parts[0]) || parts.length < 2) return null;
  if (parts[0] === 'admin' && parts.length > 2) return `admin/${parts[1]}`;
  return parts[0];
}

/** Whether code in area `from` may import a file of area `to`. */
export function mayImport(from, to) {
  if (to === null || from === to) return true;
  // The admin module's list gathers the pages of the admin folders.
  return from === 'admin' && to.startsWith('admin/');
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "no page imports another area's files; shared code imports no page" },
    messages: {
      crossArea:
        "'{{source}}' belongs to the area '{{to}}', not '{{from}}': move what both use to src/lib/ or src/components/.",
      sharedImportsPage:
        "'{{source}}' is a page file (area '{{to}}'): shared code in src/lib/ and src/components/ must not depend on a page.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcDir = SRC;
    const pagesDir = path.join(srcDir, 'pages');
    const from = areaOf(pagesDir, file);
    const shared = ['lib', 'components'].some(
      (dir) => !path.relative(path.join(srcDir, dir), file).startsWith('..'),
    );
    if (from === null && !shared) return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('@/')) target = path.join(srcDir, source.slice(2));
      else if (source.startsWith('.')) target = path.resolve(path.dirname(file), source);
      else return;
      const to = areaOf(pagesDir, target);
      if (to === null) return;
      if (shared) {
        context.report({ node, messageId: 'sharedImportsPage', data: { source, to } });
      } else if (!mayImport(from, to)) {
        context.report({ node, messageId: 'crossArea', data: { source, from, to } });
      }
    }
    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};
