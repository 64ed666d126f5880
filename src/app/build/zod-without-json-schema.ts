import type { Plugin } from 'vite';

/**
 * A build step for the SPA (used by vite.config.ts; it never runs in the browser).
 *
 * zod's classic schemas carry JSON Schema generation: every schema type gets a converter, and
 * `toJSONSchema()` and `~standard.jsonSchema` hold the generator. That is about 17 KB of minified
 * code (5 KB gzipped) in the first load, and the SPA never turns a schema into JSON Schema (the
 * BFF, which may, is not built by Vite). This step drops those references from zod's classic
 * schemas in the browser build, so the bundler leaves the generator out; calling it in the
 * browser throws instead of returning a wrong schema.
 *
 * If a zod upgrade changes the code this step expects, the build fails with a message here,
 * rather than quietly shipping the generator again (or half-removing it).
 */

const CLASSIC_SCHEMAS = /\/zod\/v4\/classic\/schemas\.js$/;

const CONVERTER_ASSIGNMENT = /inst\._zod\.processJSONSchema = \(ctx, json, params\) => processors\.\w+Processor\(inst, ctx, json, params\);/g;
const STANDARD_JSON_SCHEMA = /createStandardJSONSchemaMethod\(this, "(?:input|output)"\)/g;
const TO_JSON_SCHEMA = 'return createToJSONSchemaMethod(this, {})(params);';
/** Fewer converters than this means zod's code has changed shape: stop and look. */
const MIN_CONVERTERS = 30;

export const UNAVAILABLE_MESSAGE = 'JSON Schema generation is left out of the browser build (see src/app/build/zod-without-json-schema.ts)';

/** The classic schemas' source without its JSON Schema hooks; throws when the source is not as expected. */
export function stripJsonSchema(code: string): string {
  const converters = code.match(CONVERTER_ASSIGNMENT)?.length ?? 0;
  const standard = code.match(STANDARD_JSON_SCHEMA)?.length ?? 0;
  if (converters < MIN_CONVERTERS || standard !== 2 || !code.includes(TO_JSON_SCHEMA)) {
    throw new Error(
      `zod-without-json-schema: zod's classic/schemas.js is not shaped as expected (${converters} converters, ${standard} standard hooks); update or remove this build step`,
    );
  }
  const stripped = code
    .replace(CONVERTER_ASSIGNMENT, '')
    .replace(STANDARD_JSON_SCHEMA, '__jsonSchemaUnavailable')
    .replace(TO_JSON_SCHEMA, 'return __jsonSchemaUnavailable(params);');
  const leftover = /processors\.\w+Processor\b|createStandardJSONSchemaMethod\(|createToJSONSchemaMethod\(/.exec(stripped);
  if (leftover) throw new Error(`zod-without-json-schema: ${leftover[0]} is still referenced; update or remove this build step`);
  return `${stripped}\nfunction __jsonSchemaUnavailable() { throw new Error(${JSON.stringify(UNAVAILABLE_MESSAGE)}); }\n`;
}

/** The Vite plugin: production builds only (tests and the dev server keep zod as it is). */
export function zodWithoutJsonSchema(): Plugin {
  let seen = false;
  return {
    name: 'watchdeck:zod-without-json-schema',
    apply: 'build',
    transform(code, id) {
      if (!CLASSIC_SCHEMAS.test(id)) return null;
      seen = true;
      return { code: stripJsonSchema(code), map: null };
    },
    buildEnd(error) {
      // zod moved its files: say so, rather than shipping the generator without noticing.
      if (!error && !seen) this.error("zod-without-json-schema: zod's classic/schemas.js was never loaded; update or remove this build step");
    },
  };
}
