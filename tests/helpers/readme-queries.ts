import { readFileSync } from 'node:fs';

/** The backticked examples of the first column of the README's query-language table. */
export function readmeExamples(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Query language'), readme.indexOf('\n## ', readme.indexOf('## Query language') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  if (rows.length === 0) throw new Error('README.md has no query-language table');
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}
