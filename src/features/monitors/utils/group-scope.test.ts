import { matchesScope } from '../../../contract/scope';
import { scopeForGroup } from './group-scope';

describe('scopeForGroup', () => {
  it('joins the group tags with AND, quoting values that need it', () => {
    expect(scopeForGroup(['env:prod', 'host:web-1'])).toBe('env:prod AND host:web-1');
    expect(scopeForGroup(['probe_dc:aws:us-east-2'])).toBe('probe_dc:aws:us-east-2');
    const quoted = scopeForGroup(['service:my app', 'env:prod']);
    expect(quoted).toBe('service:"my app" AND env:prod');
    expect(matchesScope(quoted!, ['service:my app', 'env:prod'])).toBe(true);
  });

  it('gives null when there is nothing to scope on', () => {
    expect(scopeForGroup([])).toBeNull();
    expect(scopeForGroup(['total'])).toBeNull();
  });
});
