import { AwsAccountInputSchema, WebhookInputSchema } from '../contract/integrations';
import { ApiError } from './api-client';
import { errorsUnder, explainedByFields, fieldKey, serverFieldErrors, withFieldMessages, zodFieldErrors } from './field-errors';

const badRequest = (fields: Record<string, string[]>) =>
  new ApiError({ status: 400, code: 'validation_failed', message: 'The request is not valid', fields, requestId: 'req-1' });

describe('field errors', () => {
  it('keys schema issues by top-level field, or with `nested` by path: lists by their name, records by entry', () => {
    const aws = AwsAccountInputSchema.safeParse({ accountId: '12', roleName: 'dd', filterTags: ['ok', 'bad tag'] });
    const expected = {
      accountId: 'An AWS account id is 12 digits',
      filterTags: 'Tags have no spaces or commas, at most 200 characters',
    };
    expect(zodFieldErrors(aws.error!)).toEqual(expected);
    expect(zodFieldErrors(aws.error!, { nested: true })).toEqual(expected);
    const hook = WebhookInputSchema.safeParse({ name: 'ops', url: 'https://x.example', customHeaders: { 'bad key': 'v', 'X-Ok': 'a\nb' } });
    expect(zodFieldErrors(hook.error!, { nested: true })).toEqual({
      'customHeaders.bad key': 'A header name is letters, digits and - (no spaces)',
      'customHeaders.X-Ok': 'A header value is one line',
    });
    expect(zodFieldErrors(hook.error!)).toEqual({ customHeaders: 'A header name is letters, digits and - (no spaces)' });
  });

  it('maps BFF field paths the same way', () => {
    expect(fieldKey(['body', 'url'])).toBe('url');
    expect(fieldKey(['body', 'notificationHandles', 1])).toBe('notificationHandles');
    expect(fieldKey(['hostTags', 4], { nested: true })).toBe('hostTags');
    expect(fieldKey(['body', 'customHeaders', 'X-Token'], { nested: true })).toBe('customHeaders.X-Token');
    expect(fieldKey([])).toBe('form');

    const error = badRequest({ 'body.url': ['The URL must be a full http:// or https:// URL'], 'customHeaders.X-Token': ['A header value is one line'], 'hostTags.4': ['Bad tag'] });
    const nested = serverFieldErrors(error, { nested: true });
    expect(nested).toEqual({
      url: 'The URL must be a full http:// or https:// URL',
      'customHeaders.X-Token': 'A header value is one line',
      hostTags: 'Bad tag',
    });
    expect(serverFieldErrors(error)).toEqual({ url: 'The URL must be a full http:// or https:// URL', customHeaders: 'A header value is one line', hostTags: 'Bad tag' });
    expect(errorsUnder(nested, 'customHeaders')).toEqual({ 'customHeaders.X-Token': 'A header value is one line' });
    expect(explainedByFields(nested, ['customHeaders'])).toBe(true);
    expect(explainedByFields(nested, ['name'])).toBe(false);
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });

  it('puts a 409 on the conflicting field when asked', () => {
    const taken = new ApiError({ status: 409, code: 'conflict', message: 'A webhook named ops exists already', requestId: 'req-2' });
    expect(serverFieldErrors(taken, { conflictField: 'name' })).toEqual({ name: 'A webhook named ops exists already' });
    expect(serverFieldErrors(taken)).toEqual({});
  });

  it('turns field messages into the message of an error whose fields no form shows', () => {
    const error = withFieldMessages(badRequest({ body: ['Nothing to change'], role: ['You cannot demote yourself'] }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Nothing to change; You cannot demote yourself');
    expect((error as ApiError).requestId).toBe('req-1');
    const plain = new Error('x');
    expect(withFieldMessages(plain)).toBe(plain);
  });
});
