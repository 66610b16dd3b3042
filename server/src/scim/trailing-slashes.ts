/** `text` without its trailing slashes. A loop, not /\/+$/: that pattern is quadratic on a long run of slashes not at the end. */
export const withoutTrailingSlashes = (text: string): string => {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  return text.slice(0, end);
};
