import type { Element } from 'domhandler';
import type { Region } from '../../src/core/index.ts';

const TAG_REGION: Record<string, Region> = {
  header: 'header',
  nav: 'nav',
  main: 'main',
  footer: 'footer',
  aside: 'aside',
};

const ROLE_REGION: Record<string, Region> = {
  banner: 'header',
  navigation: 'nav',
  main: 'main',
  contentinfo: 'footer',
  complementary: 'aside',
};

/** id/class words that many CMS templates use instead of landmarks (en, fr, es, pt, it). */
const CLASS_REGION: [RegExp, Region][] = [
  [/(^|[\s_-])(footer|pie|rodape|piede|pied-de-page|site-footer)([\s_-]|$)/i, 'footer'],
  [/(^|[\s_-])(nav|navbar|navigation|menu|main-menu|menu-principal)([\s_-]|$)/i, 'nav'],
  [/(^|[\s_-])(header|masthead|cabecera|entete|en-tete|cabecalho|site-header)([\s_-]|$)/i, 'header'],
  [/(^|[\s_-])(main|content|main-content|contenido|contenu|conteudo|contenuto)([\s_-]|$)/i, 'main'],
];

/**
 * The landmark region an element sits in: nearest landmark element or role, else the nearest
 * id/class hint. Nearest wins, so a <nav> inside a <footer> is 'nav'.
 */
export function regionOf(el: Element): Region {
  let classHint: Region | null = null;
  for (let node: Element | null = el; node && node.type === 'tag'; node = node.parent as Element | null) {
    const tagRegion = TAG_REGION[node.name];
    // <header>/<footer> inside <article>/<section> are not page landmarks; keep climbing for them.
    if (tagRegion && !((tagRegion === 'header' || tagRegion === 'footer') && insideSectioning(node))) {
      return tagRegion;
    }
    const role = node.attribs.role?.trim().toLowerCase();
    if (role && ROLE_REGION[role]) return ROLE_REGION[role];
    if (!classHint) {
      const words = `${node.attribs.id ?? ''} ${node.attribs.class ?? ''}`;
      if (words.trim()) {
        for (const [pattern, region] of CLASS_REGION) {
          if (pattern.test(words)) {
            classHint = region;
            break;
          }
        }
      }
    }
  }
  return classHint ?? 'other';
}

function insideSectioning(el: Element): boolean {
  for (
    let node = el.parent as Element | null;
    node && node.type === 'tag';
    node = node.parent as Element | null
  ) {
    if (['article', 'section', 'aside', 'nav', 'main'].includes(node.name)) return true;
  }
  return false;
}
