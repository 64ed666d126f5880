import { AwsAccountInputSchema, WebhookInputSchema } from '../../../contract/integrations';
import { ApiError } from '../../../lib/api-client';
import { errorsUnder, explainedBy, schemaErrors, serverErrors, serverPath } from './form-errors';

describe('form errors', () => {
  it('keys schema issues by field, lists by their name and records by entry', () => {
    const aws = AwsAccountInputSchema.safeParse({ accountId: '12', roleName: 'dd', filterTags: ['ok', 'bad tag'] });
    expect(schemaErrors(aws.error!)).toEqual({
      accountId: 'An AWS account id is 12 digits',
      filterTags: 'Tags have no spaces or commas, at most 200 characters',
    });
    const hook = WebhookInputSchema.safeParse({ name: 'ops', url: 'https://x.example', customHeaders: { 'bad key': 'v', 'X-Ok': 'a\nb' } });
    expect(schemaErrors(hook.error!)).toEqual({
      'customHeaders.bad key': 'A header name is letters, digits and - (no spaces)',
      'customHeaders.X-Ok': 'A header value is one line',
    });
  });

  it('maps BFF field paths the same way', () => {
    expect(serverPath('body.url')).toBe('url');
    expect(serverPath('hostTags.4')).toBe('hostTags');
    expect(serverPath('customHeaders.X-Token')).toBe('customHeaders.X-Token');
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'The request is not valid',
      fields: { url: ['The URL must be a full http:// or https:// URL'], 'customHeaders.X-Token': ['A header value is one line'] },
    });
    const errors = serverErrors(error);
    expect(errors).toEqual({ url: 'The URL must be a full http:// or https:// URL', 'customHeaders.X-Token': 'A header value is one line' });
    expect(errorsUnder(errors, 'customHeaders')).toEqual({ 'customHeaders.X-Token': 'A header value is one line' });
    expect(explainedBy(errors, ['customHeaders'])).toBe(true);
    expect(explainedBy(errors, ['name'])).toBe(false);
    expect(serverErrors(new Error('x'))).toEqual({});
  });
});
