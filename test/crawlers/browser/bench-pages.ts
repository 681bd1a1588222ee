import type { StaticRoute } from './page-server.ts';

/** ~25 KB portal-like pages sharing a stylesheet, a script, images and a web font. */
export function portalLikeSite(pageCount: number): Record<string, StaticRoute> {
  const routes: Record<string, StaticRoute> = {};
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/p${i}.html">Service ${i}</a></li>`).join(
    '',
  );
  const css = `@font-face{font-family:Portal;src:url(/font.woff2) format("woff2")}
body{font-family:Portal,sans-serif;margin:0;color:#222}header,footer{background:#034;color:#fff;padding:1rem}
nav ul{display:flex;flex-wrap:wrap;list-style:none;gap:.5rem}nav a{color:#fff}main{max-width:960px;margin:auto}
.card{border:1px solid #ccc;padding:1rem;margin:.5rem 0}.muted{color:#777}
${Array.from({ length: 150 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px}`).join('\n')}`;
  routes['/style.css'] = { body: css, type: 'text/css' };
  routes['/app.js'] = {
    body: `document.addEventListener('DOMContentLoaded',()=>{const n=document.querySelector('#news');
if(n){for(let i=0;i<5;i++){const li=document.createElement('li');li.textContent='News item '+i;n.append(li)}}});`,
    type: 'text/javascript',
  };
  routes['/logo.svg'] = {
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#069"/></svg>',
    type: 'image/svg+xml',
  };
  routes['/font.woff2'] = { body: new Uint8Array(20_000), type: 'font/woff2' };
  for (let p = 0; p < pageCount; p++) {
    const paras = Array.from(
      { length: 28 },
      (_, i) =>
        `<div class="card c${i}"><h3>Topic ${p}.${i}</h3><p>The city council offers residents information about permits, taxes, waste collection and public transport. Paragraph ${i} of page ${p} with <a href="/p${(p + i) % pageCount}.html">a related link</a>.</p><p class="muted">Updated ${2000 + i}</p></div>`,
    ).join('\n');
    routes[`/p${p}.html`] = {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>City portal page ${p}</title><link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>
<body><header><img src="/logo.svg" alt="City logo"><nav><ul>${nav}</ul></nav></header>
<main><h1>Page ${p}</h1><img src="/logo.svg?big" alt=""><ul id="news"></ul>${paras}
<form role="search" action="/search"><label for="q">Search</label><input id="q" name="q"><button>Go</button></form></main>
<footer><p>City Hall, Main Square 1. <a href="/contact.html">Contact</a> · <a href="/privacy.html">Privacy</a></p></footer></body></html>`,
    };
  }
  return routes;
}
