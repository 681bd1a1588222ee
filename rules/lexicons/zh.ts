import type { LanguageLexicon } from './types.ts';

/** Chinese vocabulary of government portals, simplified and traditional (matched without word boundaries). */
export const zh: LanguageLexicon = {
  language: 'zh',
  terms: {
    search: ['搜索', '检索', '搜尋', '站内搜索', '全站搜索'],
    contact: ['联系我们', '聯絡我們', '聯繫我們', '联系方式', '聯絡方式'],
    phoneLabel: ['电话', '電話', '热线', '熱線', '咨询电话', '联系电话'],
    addressLabel: ['地址', '通讯地址', '通訊地址', '办公地址'],
    streetType: ['路', '街', '大道', '号', '號', '邮编', '郵遞區號'],
    privacy: ['隐私', '隱私', '隐私政策', '隱私權政策', '隐私声明', '个人信息保护', '個人資料保護'],
    legalNotice: ['法律声明', '免责声明', '免責聲明', '使用条款', '版权声明'],
    help: ['帮助', '幫助', '帮助中心', '使用指南', '用户指南', '使用帮助'],
    faq: ['常见问题', '常見問題', '问答', '常见问题解答'],
    sitemap: ['网站地图', '網站地圖', '站点地图', '網站導覽'],
    openData: ['开放数据', '開放資料', '数据开放', '政府数据开放', '公共数据开放', '開放數據'],
    social: ['关注我们', '關注我們', '微博', '微信', '官方微博', '微信公众号'],
    accessibility: ['无障碍', '無障礙', '无障碍浏览', '長者模式', '适老化'],
    languageSwitch: ['中文', '简体中文', '繁體中文', '简体', '繁體', '语言', '語言'],
    service: ['网上办事', '网上办理', '在线服务', '在线办理', '政务服务', '办事服务', '在线缴费', '網上服務'],
    news: ['新闻', '新聞', '要闻', '动态', '政务动态', '新闻发布'],
    events: ['活动', '活動', '活动日历'],
  },
};
