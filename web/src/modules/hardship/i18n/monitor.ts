/** UI strings of the hardship monitor pages (zh-CN is the source; English must have every key). */
export const monitorZh = {
};
export const monitorEn: Record<keyof typeof monitorZh, string> = {
};
