/** UI strings of the hardship files pages (zh-CN is the source; English must have every key). */
export const filesZh = {
};
export const filesEn: Record<keyof typeof filesZh, string> = {
};
