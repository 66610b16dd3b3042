/** The results files: bench/results/<date>-<database>.json and .md. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeMachine, type Machine } from './measure';
import type { SectionResult } from './section';

export interface RunReport {
  machine: Machine;
  /** The command line, e.g. `npm run bench -- --db postgres --only lookup`. */
  command: string;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when its last section ended. */
  loadAverage: { start: number[]; end: number[] };
  database: string;
  databaseVersion: string;
  strapiVersion: string;
  scale: number;
  commit: string | null;
  uncommittedServerFiles: number | null;
  distBuiltAt: string | null;
  seconds: number;
  sections: SectionResult[];
  failures: { section: string; error: string }[];
}

export const provenance = (root: string) => {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'server');
  return {
    commit: git('rev-parse', 'HEAD'),
    uncommittedServerFiles: status === null ? null : status.split('\n').filter(Boolean).length,
  };
};

const title = (report: RunReport): string =>
  `# SCIM at directory scale: ${report.database}${report.scale !== 1 ? ` (scale ${report.scale})` : ''}`;

/** Every target of every section of the run against its bound, with the machine and its load. */
export const renderRatios = (report: RunReport): string => {
  const loadAverage = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const targets = report.sections.flatMap((section) => section.targets);
  const lines = [
    '## Ratios against the targets',
    '',
    `- Machine: ${describeMachine(report.machine)}`,
    `- Load average (1 / 5 / 15 min, ${report.machine.cores} cores): ${loadAverage(report.loadAverage.start)} at the start, ${loadAverage(report.loadAverage.end)} at the end`,
    `- ${targets.filter((t) => t.met).length} of ${targets.length} targets met${report.failures.length > 0 ? `; ${report.failures.length} section(s) failed` : ''}; measured in this run, ${Math.round(report.seconds)} s`,
    '',
    '| section | target | measured | bound | met |',
    '|---|---|---:|---:|:---:|',
  ];
  for (const section of report.sections) {
    for (const t of section.targets) {
      lines.push(
        `| ${section.title.split(' (')[0]} | ${t.name}${t.note ? ` (${t.note})` : ''} | ${t.value} ${t.unit} | ${t.bound} | ${t.met ? 'yes' : '**no**'} |`,
      );
    }
  }
  for (const failure of report.failures)
    lines.push(`| ${failure.section} | (section failed) | ${failure.error.split('\n')[0].slice(0, 200)} | | **no** |`);
  return lines.join('\n');
};

/** How the run was made, then each section's figures, notes and profiles. */
const renderSections = (report: RunReport): string => {
  const lines: string[] = [];
  lines.push(
    `- Strapi ${report.strapiVersion}, ${report.database} ${report.databaseVersion}; plugin from dist/ built ${report.distBuiltAt ?? '?'}; commit ${report.commit ?? '?'}${report.uncommittedServerFiles ? ` with ${report.uncommittedServerFiles} uncommitted file(s) under server/` : ''}`,
  );
  lines.push(
    `- \`${report.command}\`, ${Math.round(report.seconds)} s. Each section boots the playground afresh (production mode, one secret) in a process of its own; the HTTP client (autocannon, or a keep-alive client for sequences) runs in another process on 127.0.0.1. Figures are medians of interleaved rounds (each section says how many); ratios are taken within the same run.`,
  );
  for (const section of report.sections) {
    lines.push('');
    lines.push(`## ${section.title}`);
    lines.push('');
    lines.push(
      `Section took ${section.seconds ?? '?'} s; load average at its end ${section.loadAverage?.join(' / ') ?? '?'} (1/5/15 min, ${report.machine.cores} cores).`,
    );
    lines.push('');
    lines.push('| figure | value |');
    lines.push('|---|---|');
    for (const figure of section.figures) lines.push(`| ${figure.label} | ${figure.value} |`);
    if (section.notes.length > 0) {
      lines.push('');
      lines.push(...section.notes);
    }
    for (const profile of section.profiles ?? []) {
      lines.push('');
      lines.push(
        `CPU profile \`${profile.file}\` (${profile.totalMs} ms sampled): self time by area: ${profile.byArea
          .slice(0, 10)
          .map((a) => `${a.area} ${a.percent} %`)
          .join(', ')}.`,
      );
      lines.push('');
      lines.push('| function | where | self % |');
      lines.push('|---|---|---:|');
      for (const f of profile.topFunctions.slice(0, 12)) lines.push(`| ${f.name} | ${f.where} | ${f.percent} |`);
    }
  }
  return lines.join('\n');
};

/** The results file: the ratios at the top. */
export const renderMarkdown = (report: RunReport): string =>
  [title(report), '', renderRatios(report), '', renderSections(report), ''].join('\n');

/** What the run prints: the ratios last, where they are seen. */
export const renderConsole = (report: RunReport): string =>
  [title(report), '', renderSections(report), '', renderRatios(report), ''].join('\n');

export const writeReport = (dir: string, name: string, report: RunReport): { json: string; md: string } => {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, renderMarkdown(report));
  return { json, md };
};
