/** UI strings of the hardship aid pages (zh-CN is the source; English must have every key). */
export const aidZh = {
};
export const aidEn: Record<keyof typeof aidZh, string> = {
};
