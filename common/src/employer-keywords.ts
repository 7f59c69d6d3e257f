/**
 * What a platform worker types to find their union: a brand (美团, 饿了么, 滴滴), the legal entity
 * behind it (北京三快在线科技有限公司 runs 美团), or what they do (外卖, 快递, 网约车). Union and
 * employer names rarely say "美团"; the station, the franchised delivery company or the trade union
 * federation of the trade (网约配送行业工会联合会) does. Each entry maps the words a worker uses to
 * the words found in those names. Data, not code: a locality adds its own platforms here.
 */
export interface PlatformKeywords {
  /** What the worker may type (brand, app, everyday word). */
  words: readonly string[];
  /** Words found in the names of the unions and employers of that platform or trade. */
  names: readonly string[];
}

export const PLATFORM_KEYWORDS: readonly PlatformKeywords[] = [
  { words: ['美团', '美团外卖', '美团众包', '美团专送'], names: ['美团', '三快', '网约配送', '外卖配送', '同城配送'] },
  { words: ['饿了么', '蜂鸟', '蜂鸟即配'], names: ['饿了么', '拉扎斯', '蜂鸟', '网约配送', '外卖配送', '同城配送'] },
  { words: ['外卖', '送餐', '骑手', '外卖骑手', '配送员', '跑腿'], names: ['网约配送', '外卖配送', '同城配送', '配送站'] },
  { words: ['滴滴', '高德打车', '曹操出行', 'T3出行', '网约车', '打车', '专车', '快车'], names: ['滴滴', '出行科技', '网约车', '汽车租赁'] },
  {
    words: ['顺丰', '京东物流', '中通', '圆通', '申通', '韵达', '极兔', '邮政快递', 'EMS', '快递', '快递员'],
    names: ['快递', '速递', '物流', '顺丰', '中通', '圆通', '申通', '韵达', '极兔'],
  },
  { words: ['货拉拉', '满帮', '运满满', '快狗打车', '货车', '货运', '卡车'], names: ['货运', '道路运输', '道路货运', '货拉拉', '满帮'] },
  { words: ['58到家', '天鹅到家', '家政', '保姆', '月嫂', '保洁'], names: ['家政'] },
  { words: ['链家', '贝壳', '我爱我家', '房产中介', '中介'], names: ['房产经纪', '不动产经纪', '链家', '贝壳', '房产中介'] },
];

/**
 * The search terms for an employer query: the query itself first, then the name words of every
 * platform entry whose words the query contains or is part of (at least 2 characters), without
 * repeats. "美团" → 美团, 三快, 网约配送 …; "外卖" → 外卖, 网约配送, 外卖配送 ….
 */
export function employerSearchTerms(q: string): string[] {
  const s = q.replace(/\s+/g, '');
  const terms = [q.trim()];
  if ([...s].length >= 2) {
    for (const p of PLATFORM_KEYWORDS) {
      if (p.words.some((w) => s.toLowerCase().includes(w.toLowerCase()) || ([...s].length >= 2 && w.toLowerCase().startsWith(s.toLowerCase()))))
        terms.push(...p.names);
    }
  }
  return [...new Set(terms)];
}

/** Whether a union or employer name belongs to a platform or trade of new forms of employment (the join form then offers those forms first). */
export function isPlatformName(name: string): boolean {
  return PLATFORM_KEYWORDS.some((p) => p.names.some((n) => name.includes(n)));
}
