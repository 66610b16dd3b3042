import { readFileSync } from 'node:fs';

/**
 * The `config/plugins.js` a site owner copies from the README: the fenced block that starts with the line
 * `// config/plugins.js`. The fresh-app test writes exactly this file, so the README cannot drift from what works.
 */
export const readmePluginsSnippet = (readmePath: string): string => {
  const readme = readFileSync(readmePath, 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
  const snippet = blocks.find((block) => block.startsWith('// config/plugins.js\n'));
  if (!snippet) throw new Error(`${readmePath} has no \`\`\`js block starting with "// config/plugins.js"`);
  return snippet;
};
