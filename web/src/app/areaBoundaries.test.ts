// The lint rule that keeps the page areas apart (eslint-rules/area-boundaries.js), run through
// the project's own ESLint config on made-up files.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Vitest runs in web/, where the config is.
const WEB = `${process.cwd()}/`;
const eslint = new ESLint({ cwd: WEB });

async function boundaryErrors(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: `${WEB}src/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'forecourt/area-boundaries').length;
}

describe('area boundaries', () => {
  it("rejects a page importing another area's files", async () => {
    const use = (source: string) => `import { x } from '${source}';\nexport const y = x;\n`;
    expect(await boundaryErrors('pages/workbench/A.tsx', use('../admin/users/hooks'))).toBe(1);
    expect(await boundaryErrors('pages/workbench/A.tsx', use('@/pages/sales-report/hooks'))).toBe(
      1,
    );
    expect(await boundaryErrors('pages/admin/users/A.tsx', use('../org/hooks'))).toBe(1);
    expect(await boundaryErrors('pages/customers/imports/A.tsx', use('../../leads/hooks'))).toBe(1);
    expect(
      await boundaryErrors(
        'pages/work/A.tsx',
        "export const P = () => import('../admin/jobs/JobsPage');\n",
      ),
    ).toBe(1);
    expect(await boundaryErrors('lib/a.ts', use('@/pages/leads/hooks'))).toBe(1);
  }, 60_000);

  it('lets an area use its own files and the shared ones', async () => {
    const use = (source: string) => `import { x } from '${source}';\nexport const y = x;\n`;
    expect(await boundaryErrors('pages/customers/imports/A.tsx', use('../hooks'))).toBe(0);
    expect(await boundaryErrors('pages/admin/users/A.tsx', use('./hooks'))).toBe(0);
    expect(await boundaryErrors('pages/leads/A.tsx', use('@/lib/org'))).toBe(0);
    expect(await boundaryErrors('pages/leads/A.tsx', use('@/components/sales/SeriesPicker'))).toBe(
      0,
    );
    expect(await boundaryErrors('pages/admin/modules.tsx', use('./users/UsersPage'))).toBe(0);
    expect(await boundaryErrors('app/modules.tsx', use('@/pages/leads/modules'))).toBe(0);
  }, 60_000);
});
