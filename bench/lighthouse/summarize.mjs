// Prints the scores table and the failing audits of the Lighthouse JSON
// reports in a directory, named <preset>-<page>.report.json (run.sh writes
// them so).
//
// Usage: node summarize.mjs DIR PAGE... (pages in table order)
//
// Output: one table, a row per page, the four category scores (0-100) for
// mobile then desktop; then, for each report with a category below 100, the
// audits that cost points: every weighted audit scoring below 1, with its
// title, display value and up to five offending items (node selector and
// snippet, or URL). For performance, whose score is the weighted metrics, the
// opportunities and diagnostics scoring below 0.9 follow as hints.

import fs from 'node:fs';
import path from 'node:path';

const [dir, ...pages] = process.argv.slice(2);
if (!dir || pages.length === 0) {
  console.error('usage: node summarize.mjs DIR PAGE...');
  process.exit(2);
}
const presets = ['mobile', 'desktop'];
const cats = [
  ['performance', 'perf'],
  ['accessibility', 'a11y'],
  ['best-practices', 'bp'],
  ['seo', 'seo'],
];

const reports = {};
for (const preset of presets) {
  for (const page of pages) {
    const file = path.join(dir, `${preset}-${page}.report.json`);
    if (fs.existsSync(file)) reports[`${preset}-${page}`] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
}

const score = (lhr, id) => {
  const c = lhr?.categories?.[id];
  return c && c.score !== null ? Math.round(c.score * 100) : null;
};
const cell = (v) => (v === null || v === undefined ? '—' : String(v));

// Table.
const head = ['page', ...presets.flatMap((p) => cats.map(([, s]) => `${p === 'mobile' ? 'm' : 'd'}:${s}`))];
const rows = pages.map((page) => [
  page,
  ...presets.flatMap((p) => cats.map(([id]) => cell(score(reports[`${p}-${page}`], id)))),
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
console.log('Lighthouse scores (m: mobile preset, d: desktop preset; perf, a11y, best practices, SEO)\n');
console.log(line(head));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const r of rows) console.log(line(r));

// Failing audits.
const items = (audit) => {
  const d = audit.details;
  if (!d || !Array.isArray(d.items)) return [];
  return d.items.slice(0, 5).map((it) => {
    const node = it.node || (it.subItems?.items?.[0]?.relatedNode);
    if (node) return `${node.selector || ''} ${node.snippet ? node.snippet.slice(0, 160) : ''}`.trim();
    if (it.url) return String(it.url) + (it.wastedBytes ? ` (${Math.round(it.wastedBytes / 1024)} KiB)` : it.wastedMs ? ` (${Math.round(it.wastedMs)} ms)` : '');
    if (it.description) return String(it.description).slice(0, 200) + (it.sourceLocation?.url ? ` — ${it.sourceLocation.url}` : '');
    if (it.source?.url) return `${it.source.url}:${it.source.line ?? ''}`;
    return JSON.stringify(it).slice(0, 200);
  });
};

let anyFailure = false;
const problems = [];
for (const preset of presets) {
  for (const page of pages) {
    const lhr = reports[`${preset}-${page}`];
    if (!lhr) {
      problems.push(`${preset} ${page}: no report`);
      continue;
    }
    if (lhr.runtimeError) problems.push(`${preset} ${page}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings || []) problems.push(`${preset} ${page}: warning: ${w}`);
    for (const [id] of cats) {
      const cat = lhr.categories[id];
      if (!cat || cat.score === 1) continue;
      anyFailure = true;
      console.log(`\n${preset} ${page} — ${cat.title} ${cell(score(lhr, id))}`);
      const refs = cat.auditRefs.filter((r) => lhr.audits[r.id]);
      for (const ref of refs) {
        const a = lhr.audits[ref.id];
        const weighted = ref.weight > 0;
        const failing = a.score !== null && (weighted ? a.score < 1 : id === 'performance' && a.score < 0.9);
        if (!failing) continue;
        const tag = weighted ? `weight ${ref.weight}` : 'hint';
        console.log(`  ${a.id} (${tag}, score ${a.score}): ${a.title}${a.displayValue ? ' — ' + a.displayValue : ''}`);
        for (const it of items(a)) console.log(`      ${it}`);
      }
    }
  }
}
if (!anyFailure) console.log('\nEvery category of every report scores 100.');
if (problems.length) {
  console.log('');
  for (const p of problems) console.log(p);
}
