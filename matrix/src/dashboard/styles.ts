/** The dashboard's only styling: inline, so the page is one file that opens anywhere, offline. */
export const STYLES = `
:root { color-scheme: light dark; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --muted: #6e7781; --line: #d0d7de; --bg2: rgba(127,127,127,.08); }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.verdict { padding: 14px 18px; border-radius: 8px; color: #fff; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
.verdict.pass { background: var(--pass); } .verdict.block { background: var(--fail); }
.verdict strong { font-size: 26px; letter-spacing: .04em; }
.meta, .muted { color: var(--muted); } .verdict .meta { color: rgba(255,255,255,.85); }
nav { margin: 12px 0; display: flex; gap: 14px; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg2); font-weight: 600; } td.num, th.num { text-align: right; }
ol.reasons li { margin: 6px 0; } .hint { color: var(--muted); } code, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.id { color: var(--muted); font-size: 12px; }
.cell { text-align: center; white-space: nowrap; font-weight: 600; }
.s-passed { color: var(--pass); } .s-failed, .s-error, .s-missing { color: var(--fail); } .s-inconclusive { color: var(--warn); } .s-not_applicable, .s-out_of_scope, .s-optional { color: var(--muted); font-weight: 400; }
.st-done { color: var(--pass); } .st-blocked { color: var(--fail); font-weight: 600; } .st-in_progress, .st-in_review { color: var(--warn); } .st-not_started { color: var(--muted); }
details { margin: 4px 0; } summary { cursor: pointer; padding: 2px 0; }
.empty { color: var(--muted); font-style: italic; }
.verdict .scope { font-weight: 600; }
table.stale .cell.is-stale { color: var(--muted); font-weight: 400; background: repeating-linear-gradient(45deg, transparent, transparent 4px, var(--bg2) 4px, var(--bg2) 8px); }
.stale-note { border-left: 4px solid var(--warn); padding: 6px 10px; background: var(--bg2); }
ul.cells li { margin: 4px 0; } .outputs { font-size: 12.5px; }
.tag { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; padding: 0 4px; border-radius: 3px; border: 1px solid currentColor; }
.gap-blocking .tag { color: var(--fail); } .gap-warning .tag { color: var(--warn); }
li.group > details { margin-left: 8px; }
`;
