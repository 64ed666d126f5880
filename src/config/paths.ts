/** Route paths, and helpers that build links to them. */

function withSearch(pathname: string, search?: string | URLSearchParams): string {
  if (!search) return pathname;
  const text = typeof search === 'string' ? search.replace(/^\?/, '') : search.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  monitors: {
    path: '/monitors',
    /** The list, optionally with its filters (`?status=Alert&tag=team:payments`). */
    getHref: (search?: string | URLSearchParams) => withSearch('/monitors', search),
  },
  monitor: {
    path: '/monitors/:id',
    getHref: (id: number | string, search?: string | URLSearchParams) =>
      withSearch(`/monitors/${encodeURIComponent(String(id))}`, search),
  },
} as const;
