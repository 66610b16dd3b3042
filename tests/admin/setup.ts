import '@testing-library/jest-dom';

/*
 * jsdom lacks a few browser APIs the Design System's Radix primitives call (selects measure themselves,
 * dialogs watch resizes, pointer capture is used by the select trigger).
 */
/** Installs a stand-in only where jsdom has none (the DOM types claim these always exist, so no `??=`). */
const provide = (name: 'ResizeObserver' | 'IntersectionObserver' | 'matchMedia', stub: unknown) => {
  if (!(name in window)) Object.assign(window, { [name]: stub });
};

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
provide('ResizeObserver', ResizeObserverStub);

Object.assign(window.HTMLElement.prototype, {
  scrollIntoView: jest.fn(),
  hasPointerCapture: jest.fn(() => false),
  releasePointerCapture: jest.fn(),
  setPointerCapture: jest.fn(),
});

provide('matchMedia', (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: jest.fn(),
  removeListener: jest.fn(),
  addEventListener: jest.fn(),
  removeEventListener: jest.fn(),
  dispatchEvent: jest.fn(),
}));

class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
provide('IntersectionObserver', IntersectionObserverStub);

// Design System selects driven by user-event are slow on a busy 2-core machine.
jest.setTimeout(20_000);
