/** Report CSS: system fonts, AA contrast for every text colour on its background, visible focus. */
export const REPORT_CSS = `
:root { --ink:#1b1f23; --muted:#4a5560; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa; --accent:#0b5cad;
  --met:#146c2e; --met-bg:#e6f4ea; --not:#a4161a; --not-bg:#fdecea; --review:#7a4a00; --review-bg:#fff4d6;
  --na:#4a5560; --na-bg:#eef1f4; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); }
a:focus-visible, summary:focus-visible, button:focus-visible { outline:3px solid #f2a900; outline-offset:2px; }
.skip { position:absolute; left:-999px; top:0; background:#fff; padding:.5rem; }
.skip:focus { left:.5rem; }
header.top { background:#12263f; color:#fff; padding:1.25rem 1.5rem; }
header.top a { color:#cfe3ff; }
header.top p { margin:.25rem 0 0; color:#dce6f2; }
main { max-width:1100px; margin:0 auto; padding:1rem 1.5rem 3rem; overflow-wrap:anywhere; }
h1 { font-size:1.6rem; margin:0; }
h2 { font-size:1.35rem; margin:2rem 0 .75rem; border-bottom:2px solid var(--line); padding-bottom:.25rem; }
h3 { font-size:1.1rem; margin:1.25rem 0 .5rem; }
.cards { display:flex; flex-wrap:wrap; gap:1rem; }
.card { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:1rem; min-width:12rem; flex:1; }
.card .big { font-size:2rem; font-weight:700; display:block; }
table { border-collapse:collapse; width:100%; margin:.5rem 0; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--panel); }
figure.chart svg { max-width:100%; height:auto; }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:1rem; font-size:.85rem; font-weight:600; border:1px solid currentColor; }
.o-met { color:var(--met); background:var(--met-bg); }
.o-not_met { color:var(--not); background:var(--not-bg); }
.o-needs_review { color:var(--review); background:var(--review-bg); }
.o-not_applicable, .o-error { color:var(--na); background:var(--na-bg); }
details.ind { border:1px solid var(--line); border-radius:6px; margin:.5rem 0; background:#fff; }
details.ind > summary { cursor:pointer; padding:.6rem .8rem; list-style-position:inside; }
details.ind > div { padding:0 .8rem .8rem; }
.meta { color:var(--muted); font-size:.9rem; }
ol.path { display:inline; padding:0; margin:0; list-style:none; }
ol.path li { display:inline; }
ol.path li + li::before { content:" › "; color:var(--muted); }
pre { background:var(--panel); border:1px solid var(--line); border-radius:4px; padding:.5rem; white-space:pre-wrap; word-break:break-word; font-size:.85rem; margin:.25rem 0; }
figure { margin:.5rem 0; }
figure img { max-width:320px; width:100%; height:auto; border:1px solid var(--line); }
.shots { display:flex; flex-wrap:wrap; gap:1rem; align-items:flex-start; }
figure.shot a.open { display:block; cursor:zoom-in; }
figure.shot .close { display:none; }
figure.shot:target { position:fixed; inset:0; z-index:10; margin:0; padding:1rem; overflow:auto; background:rgba(10,20,30,.92); }
figure.shot:target img { max-width:none; width:auto; cursor:default; }
figure.shot:target figcaption { color:#fff; margin-top:.5rem; }
figure.shot:target figcaption a { color:#cfe3ff; }
figure.shot:target .open-label { display:none; }
figure.shot:target .close { display:inline-block; margin-left:.5rem; font-weight:600; }
mark { background:#ffe066; color:inherit; padding:0 .1em; border-radius:2px; }
blockquote.snippet { margin:.25rem 0; padding:.5rem .75rem; border-left:4px solid var(--line); background:var(--panel); }
.label { font-weight:600; }
.sel { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:.8rem; word-break:break-all; }
ol.actions > li { margin:.75rem 0; }
ol.actions p { margin:.15rem 0; }
.gain { font-weight:600; color:var(--met); white-space:nowrap; }
details.more > summary, details.pages > summary, footer.notes summary { cursor:pointer; color:var(--accent); }
.scroll { overflow-x:auto; }
td.url { word-break:break-word; }
ul.changes li { margin:.25rem 0; }
.host { word-break:break-all; }
figcaption { font-size:.85rem; color:var(--muted); }
ul.evidence { padding-left:1.2rem; }
ul.evidence > li { margin:.5rem 0; }
footer.notes { color:var(--muted); font-size:.9rem; border-top:1px solid var(--line); margin-top:2rem; padding-top:1rem; }
@media (max-width: 600px) { main { padding:1rem; } .cards { gap:.5rem; } .card { min-width:calc(50% - .25rem); padding:.6rem; font-size:.9rem; } .card .big { font-size:1.5rem; } header.top { padding:1rem; } h1 { font-size:1.3rem; } }
`;
