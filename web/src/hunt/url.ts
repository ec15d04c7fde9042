// The Hunt page keeps its view, sort and filters in the URL (`/hunt?view=table&stage=applied`), so a reload or
// a shared link shows the same thing; the chosen checklist (`c`) stays in it as everywhere.
import { navigate, useLocation } from '../lib/router.js';

export function useHuntParams(): [URLSearchParams, (patch: Record<string, string | null>) => void] {
  const location = useLocation();
  const params = location.searchParams;
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    const search = next.toString();
    navigate(`${location.pathname}${search ? `?${search}` : ''}`, { replace: true });
  };
  return [params, set];
}

/** `/hunt` or an application's page, with the checklist kept. */
export function huntHref(path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  const checklist = new URLSearchParams(window.location.search).get('c');
  if (checklist) query.set('c', checklist);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export const applicationHref = (id: number) => huntHref(`/hunt/applications/${id}`);
