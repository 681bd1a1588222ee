import type { CapturedLink } from '../../src/core/index.ts';
import { memoizePerUrl, parseUrl } from './link-facts.ts';

/**
 * Social-media hosts (registrable domain or exact host) and the URL shapes of share buttons, which
 * point at a network but are not the portal's own presence on it.
 */
export const SOCIAL_NETWORKS: Readonly<Record<string, readonly string[]>> = {
  facebook: ['facebook.com', 'fb.com', 'fb.me'],
  x: ['x.com', 'twitter.com'],
  instagram: ['instagram.com', 'instagr.am'],
  youtube: ['youtube.com', 'youtu.be'],
  linkedin: ['linkedin.com'],
  tiktok: ['tiktok.com'],
  telegram: ['t.me', 'telegram.me'],
  whatsapp: ['wa.me', 'whatsapp.com'],
  vk: ['vk.com', 'vk.ru'],
  odnoklassniki: ['ok.ru'],
  weibo: ['weibo.com', 'weibo.cn'],
  wechat: ['weixin.qq.com', 'mp.weixin.qq.com'],
  line: ['line.me'],
  flickr: ['flickr.com'],
  threads: ['threads.net', 'threads.com'],
  pinterest: ['pinterest.com'],
  snapchat: ['snapchat.com'],
  bluesky: ['bsky.app'],
  vimeo: ['vimeo.com'],
  douyin: ['douyin.com'],
  bilibili: ['bilibili.com'],
};

const HOST_TO_NETWORK = new Map<string, string>();
for (const [network, hosts] of Object.entries(SOCIAL_NETWORKS)) {
  for (const host of hosts) HOST_TO_NETWORK.set(host, network);
}

/** Paths and queries of share/intent endpoints: "share this page", not "follow us". */
const SHARE_PATTERNS: RegExp[] = [
  /\/sharer(\.php)?\b/i,
  /\/share(\.php|Article|-offsite)?\b/i,
  /\/sharing\//i,
  /\/intent\//i,
  /\/dialog\/(share|feed|send)/i,
  /\/pin\/create/i,
  /[?&](text|u|url|shareurl)=/i,
  /\/R\/msg\//i,
];

export interface SocialLinkKind {
  network: string;
  /** profile: the portal's page on the network; share: a share button; generic: the network's home page. */
  kind: 'profile' | 'share' | 'generic';
}

function networkOfHost(hostname: string): string | undefined {
  const parts = hostname.toLowerCase().replace(/\.$/, '').split('.');
  // Try the host itself, then its parents: m.facebook.com → facebook.com.
  for (let i = 0; i < parts.length - 1; i++) {
    const network = HOST_TO_NETWORK.get(parts.slice(i).join('.'));
    if (network) return network;
  }
  return undefined;
}

/** Classifies a URL as a social-media link, or null when it is not one. */
export function socialLinkKind(url: string): SocialLinkKind | null {
  return socialKindAt(parseUrl(url));
}

function socialKindAt(u: URL | null): SocialLinkKind | null {
  if (u === null) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const network = networkOfHost(u.hostname);
  if (!network) return null;
  const rest = `${u.pathname}${u.search}`;
  // WhatsApp click-to-chat with the office's number is a channel; with only ?text= it shares a page.
  if (network === 'whatsapp' && (/\/\d{6,}/.test(u.pathname) || u.searchParams.has('phone'))) {
    return { network, kind: 'profile' };
  }
  if (SHARE_PATTERNS.some((p) => p.test(rest))) return { network, kind: 'share' };
  if (u.pathname.replace(/\/+$/, '') === '' || /^\/(home|index\.php)?$/i.test(u.pathname)) {
    return { network, kind: 'generic' };
  }
  return { network, kind: 'profile' };
}

/** socialLinkKind of a link's target, once per distinct link. Do not mutate the kind. */
export const linkSocialKind: (link: CapturedLink) => SocialLinkKind | null = memoizePerUrl(socialKindAt);

/** Whether a script/iframe host belongs to a social network (embedded timeline, like box). */
export function isSocialHost(host: string): boolean {
  return networkOfHost(host.replace(/:\d+$/, '')) !== undefined;
}
