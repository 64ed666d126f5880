import { safeReturnTo, signInHref } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its search and hash', () => {
    expect(safeReturnTo('/monitors/12')).toBe('/monitors/12');
    expect(safeReturnTo('/monitors?status=Alert&tag=team%3Aweb')).toBe('/monitors?status=Alert&tag=team%3Aweb');
    expect(safeReturnTo('/admin/audit?actor=alice#top')).toBe('/admin/audit?actor=alice#top');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/monitors'],
    ['absolute https', 'https://evil.example'],
    ['absolute http to this path', 'http://evil.example/monitors'],
    ['backslash after the slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['backslash later on', '/monitors\\..\\\\evil.example'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['javascript: URL with case and spaces', ' JaVaScRiPt:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['tab between the slashes (browsers drop it)', '/\t/evil.example'],
    ['newline between the slashes', '/\n/evil.example'],
    ['leading space', ' /monitors'],
    ['relative path', 'monitors'],
    ['encoded slashes at the start', '%2F%2Fevil.example'],
    ['empty', ''],
    ['the sign-in page itself (a loop)', '/login?returnTo=/monitors'],
  ])('refuses %s', (_name, hostile) => {
    expect(safeReturnTo(hostile)).toBe('/monitors');
  });

  it('falls back for nothing at all, or to the fallback given', () => {
    expect(safeReturnTo(null)).toBe('/monitors');
    expect(safeReturnTo(undefined)).toBe('/monitors');
    expect(safeReturnTo('//evil.example', '/admin/users')).toBe('/admin/users');
  });

  it('keeps an encoded path on this site as a path on this site', () => {
    expect(safeReturnTo('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('signInHref', () => {
  it('comes back to the page and its search', () => {
    expect(signInHref({ pathname: '/monitors', search: '?status=Alert' })).toBe('/login?returnTo=%2Fmonitors%3Fstatus%3DAlert');
    expect(signInHref({ pathname: '/', search: '' })).toBe('/login');
  });
});
