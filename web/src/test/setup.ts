/**
 * jsdom lacks a few browser APIs antd relies on (media queries, layout observers, computed styles of
 * pseudo-elements); these stand-ins answer as a desktop browser would. Nothing of the app is mocked.
 */
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());
// A page renders in several passes (session, data, antd's own effects); on a busy two-core CI
// machine that takes longer than findBy/waitFor's default second.
configure({ asyncUtilTimeout: 5000 });

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
}
class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopObserver as unknown as typeof ResizeObserver;
window.IntersectionObserver ??= NoopObserver as unknown as typeof IntersectionObserver;
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element, pseudo?: string | null) => getComputedStyle(el, pseudo ? undefined : pseudo);
window.scrollTo = () => undefined;
