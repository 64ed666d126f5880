import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripJsonSchema, UNAVAILABLE_MESSAGE, zodWithoutJsonSchema } from './zod-without-json-schema';

// Tests run from the repository root.
const zodV4 = join(process.cwd(), 'node_modules/zod/v4');
const classicSchemas = join(zodV4, 'classic/schemas.js');

describe('zod without JSON Schema (browser build step)', () => {
  it("drops every JSON Schema hook from zod's classic schemas, and keeps the rest", () => {
    const source = readFileSync(classicSchemas, 'utf8');
    const stripped = stripJsonSchema(source);
    expect(stripped).not.toMatch(/processors\.\w+Processor\b/);
    expect(stripped).not.toMatch(/createStandardJSONSchemaMethod\(|createToJSONSchemaMethod\(/);
    // Parsing is untouched.
    expect(stripped).toContain('parse.safeParse(this, data, params)');
  });

  it('zod still parses after the step, and asking for JSON Schema throws a clear error', () => {
    // A copy of zod's v4 modules with the step applied, run by Node as the browser would run them.
    const dir = mkdtempSync(join(tmpdir(), 'zod-step-'));
    try {
      cpSync(zodV4, join(dir, 'v4'), { recursive: true, filter: (src) => !/\.(cjs|d\.c?ts)$/.test(src) });
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const copied = join(dir, 'v4/classic/schemas.js');
      writeFileSync(copied, stripJsonSchema(readFileSync(copied, 'utf8')));
      const script = `
        import { z } from ${JSON.stringify(pathToFileURL(join(dir, 'v4/classic/index.js')).href)};
        const schema = z.looseObject({ id: z.number().int(), tags: z.array(z.string()), state: z.enum(['a', 'b']).or(z.string()) });
        const attempt = (f) => { try { f(); return 'no error'; } catch (e) { return e.message; } };
        console.log(JSON.stringify({
          parsed: schema.parse({ id: 1, tags: ['x'], state: 'c', extra: true }),
          rejected: !schema.safeParse({ id: 1.5, tags: [], state: 'a' }).success,
          toJSONSchema: attempt(() => schema.toJSONSchema()),
          standard: attempt(() => schema['~standard'].jsonSchema.input({ target: 'draft-2020-12' })),
        }));`;
      const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown;
      expect(out).toEqual({
        parsed: { id: 1, tags: ['x'], state: 'c', extra: true },
        rejected: true,
        toJSONSchema: UNAVAILABLE_MESSAGE,
        standard: UNAVAILABLE_MESSAGE,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the build when zod no longer looks as expected', () => {
    expect(() => stripJsonSchema('export const ZodType = {};')).toThrow(/not shaped as expected/);
    const plugin = zodWithoutJsonSchema();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(transform('const a = 1;', '/src/app/app.tsx')).toBeNull();
    // The file was never seen: zod moved it.
    const buildEnd = plugin.buildEnd as (this: { error: (message: string) => never }, error?: Error) => void;
    const context = {
      error: (message: string): never => {
        throw new Error(message);
      },
    };
    expect(() => buildEnd.call(context)).toThrow(/was never loaded/);
  });
});
