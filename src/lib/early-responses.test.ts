import { EARLY_REQUESTS_KEY, EARLY_RESPONSE_MAX_AGE_MS, takeEarlyResponse, type EarlyRequest } from './early-responses';

const page = globalThis as unknown as Record<string, unknown>;

function leave(requests: Record<string, EarlyRequest>) {
  page[EARLY_REQUESTS_KEY] = requests;
}

afterEach(() => {
  delete page[EARLY_REQUESTS_KEY];
  vi.restoreAllMocks();
});

describe('takeEarlyResponse', () => {
  it('is undefined when no early script ran (tests, the dev server, other first pages)', () => {
    expect(takeEarlyResponse('/api/monitors')).toBeUndefined();
  });

  it('hands each early answer out once', async () => {
    const response = Promise.resolve(new Response('{}'));
    leave({ '/api/monitors': { at: performance.now(), response } });
    expect(takeEarlyResponse('/api/monitors')).toBe(response);
    expect(takeEarlyResponse('/api/monitors')).toBeUndefined();
    expect(takeEarlyResponse('/api/config')).toBeUndefined();
  });

  it('ignores an answer older than the first load (it would be stale data)', () => {
    const response = Promise.resolve(new Response('{}'));
    leave({ '/api/monitors': { at: 1_000, response } });
    vi.spyOn(performance, 'now').mockReturnValue(1_000 + EARLY_RESPONSE_MAX_AGE_MS + 1);
    expect(takeEarlyResponse('/api/monitors')).toBeUndefined();
  });
});
