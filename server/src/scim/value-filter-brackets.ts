/**
 * `list` without its bracketed parts (`emails[type eq "work"].value` -> `emails.value`): each `[` up to the
 * first `]` after it, as /\[[^\]]*\]/g removes them, in one pass. That pattern rescans to the end from every
 * `[` that has no `]` after it, quadratic in a list of many `[`.
 */
export const withoutBracketedParts = (list: string): string => {
  let result = '';
  let from = 0;
  for (;;) {
    const open = list.indexOf('[', from);
    if (open === -1) break;
    const close = list.indexOf(']', open + 1);
    if (close === -1) break;
    result += list.slice(from, open);
    from = close + 1;
  }
  return result + list.slice(from);
};
