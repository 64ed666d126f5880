import { afterAll } from 'vitest';
import { encodedForms } from '../lib/redact';
import { INTEGRATION_CANARIES } from './fixtures';
import { recordedCount, takeRecordedResponses, type RecordedResponse } from './response-recorder';

/**
 * SECURITY 1, whole suite. The node project's setup file (vitest.config.ts):
 * after each test file, every response the test app helpers produced
 * (response-recorder.ts) is searched for every stored secret canary, raw and
 * in the forms a leak would take (URL-encoded, base64, base64url,
 * JSON-escaped): the PagerDuty service keys, the secret custom variable
 * value and the sensitive webhook header values (fixtures.ts), the Atlas keys and integration secrets
 * (atlas-fixtures.ts) and the Datadog keys (test-app.ts). A hit fails the
 * file and names the request.
 */

/** A secret and the forms it could leak in (the ones the BFF's redactor scrubs), each long enough to be telling. */
export function leakForms(secret: string): string[] {
  return encodedForms(secret).filter((f) => f.length >= 8);
}

/** One line per (response, secret) where a form of the secret shows; empty when clean. */
export function findLeaks(responses: readonly RecordedResponse[], secrets: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const secret of new Set(secrets)) {
    const forms = leakForms(secret);
    for (const r of responses) {
      const inBody = forms.some((f) => r.body.includes(f));
      const inHeaders = forms.some((f) => r.headers.includes(f));
      if (inBody || inHeaders) {
        leaks.push(`${r.label}: the ${inBody ? 'body holds' : 'headers hold'} a form of the canary ${JSON.stringify(secret.slice(0, 6))}…`);
      }
    }
  }
  return leaks;
}

/**
 * Every canary the scan looks for. The key canaries live beside the test app
 * (which they import), so they are loaded only by a file that used it.
 */
export async function storedSecretCanaries(): Promise<string[]> {
  const [{ CANARY }, atlas] = await Promise.all([import('./test-app'), import('./atlas-fixtures')]);
  return [
    ...Object.values(INTEGRATION_CANARIES),
    ...atlas.ATLAS_INTEGRATION_CANARIES,
    atlas.ATLAS_CANARY.publicKey,
    atlas.ATLAS_CANARY.privateKey,
    CANARY.apiKey,
    CANARY.appKey,
  ];
}

afterAll(async () => {
  // A file that never called the test app (the sandbox's, the contract's) has nothing to scan.
  if (recordedCount() === 0) return;
  const leaks = findLeaks(takeRecordedResponses(), await storedSecretCanaries());
  if (leaks.length > 0) throw new Error(`Secret scan (SECURITY 1): ${leaks.length} leak(s)\n${leaks.slice(0, 20).join('\n')}`);
});
