/**
 * The dashboard's stylesheet, served as `/_emulator/ui/style.css` (a file, not inline, so the page's
 * Content-Security-Policy can refuse inline styles and scripts).
 */

/** The CSS text. */
export const STYLE = `
:root { --bg: #f8fafc; --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --accent: #2563eb; --ok: #15803d; --bad: #b91c1c; --warn: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; background: var(--bg); color: var(--fg); }
header { display: flex; gap: 1em; align-items: baseline; padding: .6em 1.2em; background: #0f172a; color: #e2e8f0; }
header a.home { color: #fff; font-weight: bold; text-decoration: none; font-size: 1.1em; }
header .subtitle { color: #94a3b8; }
header .live { margin-left: auto; font-size: .85em; color: #fbbf24; }
header .live[data-live="live"] { color: #4ade80; }
main { padding: .8em 1.2em 2em; max-width: 1400px; }
h1 { font-size: 1.4em; margin: .3em 0; } h2 { font-size: 1.15em; margin: 1em 0 .4em; } h3 { font-size: 1em; margin: 1em 0 .3em; }
code { font: 12.5px/1.3 "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.count { display: inline-block; min-width: 1.6em; padding: 0 .4em; border-radius: 1em; background: var(--line); text-align: center; font-size: .85em; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid var(--line); }
th { background: #f1f5f9; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.time, dd.time { white-space: nowrap; color: var(--muted); font-size: .9em; }
ul.targets, ul.robots { margin: 0; padding-left: 1.1em; }
.tag { font-size: .8em; padding: 0 .35em; border: 1px solid var(--line); border-radius: .3em; color: var(--muted); }
.badge { font-size: .75em; padding: .1em .5em; border-radius: 1em; vertical-align: middle; color: #fff; background: var(--muted); }
.badge.running { background: var(--ok); }
.badge.finished { background: #475569; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; margin: .5em 0; }
dl.summary dt { color: var(--muted); } dl.summary dd { margin: 0; }
figure.layout { margin: .4em 0; max-width: 960px; border: 1px solid var(--line); background: #fff; }
figure.layout svg { display: block; width: 100%; height: auto; }
ul.problems li.error { color: var(--bad); } ul.problems li.warning { color: var(--warn); }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1.5em; }
form.control { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin: .4em 0; padding: .5em; background: #fff; border: 1px solid var(--line); }
form.control label { display: inline-flex; gap: .3em; align-items: center; }
form.control input[name="anchors"] { min-width: 16em; }
form.control input[type="number"] { width: 7em; }
button { font: inherit; padding: .2em .8em; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3em; cursor: pointer; }
output.result { font-size: .9em; } output.result.ok { color: var(--ok); } output.result.failed { color: var(--bad); }
.error { color: var(--bad); }
details pre { background: #fff; border: 1px solid var(--line); padding: .6em; overflow: auto; max-height: 30em; }
`;
