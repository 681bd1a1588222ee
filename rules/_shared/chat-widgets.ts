/**
 * Chat widgets recognised by the hosts of the scripts and iframes a page loads (PageCapture.embeds).
 * 'bot' vendors serve automated assistants (chatbot platforms); 'live' vendors are live-chat tools
 * where staff answer (some can also run a bot, which only the page's own words or a person can tell).
 */
export interface ChatWidget {
  host: string;
  vendor: string;
  kind: 'live' | 'bot';
}

/** Registrable domain or exact host → vendor. */
const LIVE_CHAT: Readonly<Record<string, string>> = {
  'intercom.io': 'Intercom',
  'intercomcdn.com': 'Intercom',
  'tawk.to': 'tawk.to',
  'crisp.chat': 'Crisp',
  'zopim.com': 'Zendesk Chat',
  'zdassets.com': 'Zendesk',
  'livechatinc.com': 'LiveChat',
  'tidio.co': 'Tidio',
  'freshchat.com': 'Freshchat',
  'driftt.com': 'Drift',
  'userlike.com': 'Userlike',
  'smartsupp.com': 'Smartsupp',
  'olark.com': 'Olark',
  'purechat.com': 'Pure Chat',
  'livehelpnow.net': 'LiveHelpNow',
  'liveperson.net': 'LivePerson',
  'lpsnmedia.net': 'LivePerson',
  'salesforceliveagent.com': 'Salesforce Live Agent',
  'comm100.com': 'Comm100',
  'chatra.io': 'Chatra',
  'jivosite.com': 'JivoChat',
  'jivo.ru': 'JivoChat',
};

const BOTS: Readonly<Record<string, string>> = {
  'dialogflow.com': 'Dialogflow',
  'dialogflow.cloud.google.com': 'Dialogflow',
  'botframework.com': 'Microsoft Bot Framework',
  'botpress.cloud': 'Botpress',
  'bpcontent.cloud': 'Botpress',
  'assistant.watson.appdomain.cloud': 'IBM watsonx Assistant',
  'watsonplatform.net': 'IBM Watson Assistant',
  'voiceflow.com': 'Voiceflow',
  'landbot.io': 'Landbot',
  'chatbase.co': 'Chatbase',
  'ada.support': 'Ada',
  'ada.cx': 'Ada',
  'yellow.ai': 'Yellow.ai',
  'kore.ai': 'Kore.ai',
  'inbenta.io': 'Inbenta',
  'cognigy.ai': 'Cognigy',
  'chatbot.com': 'ChatBot',
  'botsonic.com': 'Botsonic',
  'mindsay.com': 'Mindsay',
};

function lookup(host: string, table: Readonly<Record<string, string>>): string | undefined {
  const parts = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const vendor = table[parts.slice(i).join('.')];
    if (vendor) return vendor;
  }
  return undefined;
}

/** The chat widget a script or iframe host belongs to, or null. */
export function chatWidgetOf(host: string): ChatWidget | null {
  const bot = lookup(host, BOTS);
  if (bot) return { host, vendor: bot, kind: 'bot' };
  const live = lookup(host, LIVE_CHAT);
  return live ? { host, vendor: live, kind: 'live' } : null;
}
