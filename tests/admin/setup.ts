import '@testing-library/jest-dom';

/*
 * jsdom lacks a few browser APIs the Design System's Radix primitives call (selects measure themselves,
 * dialogs watch resizes, pointer capture is used by the select trigger).
 */
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

Object.assign(window.HTMLElement.prototype, {
  scrollIntoView: jest.fn(),
  hasPointerCapture: jest.fn(() => false),
  releasePointerCapture: jest.fn(),
  setPointerCapture: jest.fn(),
});

window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: jest.fn(),
  removeListener: jest.fn(),
  addEventListener: jest.fn(),
  removeEventListener: jest.fn(),
  dispatchEvent: jest.fn(),
})) as unknown as typeof window.matchMedia;

class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
globalThis.IntersectionObserver ??= IntersectionObserverStub as unknown as typeof IntersectionObserver;

// Design System selects driven by user-event are slow on a busy 2-core machine.
jest.setTimeout(20_000);
