/**
 * Where the learner is, kept in the address's hash so a reload (or a bookmark) lands on the same
 * screen: `#/` the welcome, `#/lesson/<lesson id>` a lesson, `#/doctor` the environment doctor,
 * `#/kubernetes` the cluster the Kubernetes lessons use (and how to get one).
 */
import { useEffect, useState } from 'react';

export type Route = { name: 'welcome' } | { name: 'lesson'; lessonId: string } | { name: 'doctor' } | { name: 'kubernetes' };

export function parseRoute(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  if (path.startsWith('lesson/') && path.length > 'lesson/'.length)
    return { name: 'lesson', lessonId: path.slice('lesson/'.length) };
  if (path === 'doctor') return { name: 'doctor' };
  if (path === 'kubernetes') return { name: 'kubernetes' };
  return { name: 'welcome' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'lesson':
      return `#/lesson/${route.lessonId.split('/').map(encodeURIComponent).join('/')}`;
    case 'doctor':
      return '#/doctor';
    case 'kubernetes':
      return '#/kubernetes';
    case 'welcome':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
