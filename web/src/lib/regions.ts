// China's 34 provincial-level divisions for address pickers. The value sent to the server is
// the Chinese name (what the server stores and validates); the label is translated
// (`regions.<key>`), so English users read "Zhejiang" and Traditional Chinese users "浙江省".

export const PROVINCES = [
  ['beijing', '北京市'],
  ['tianjin', '天津市'],
  ['hebei', '河北省'],
  ['shanxi', '山西省'],
  ['neimenggu', '内蒙古自治区'],
  ['liaoning', '辽宁省'],
  ['jilin', '吉林省'],
  ['heilongjiang', '黑龙江省'],
  ['shanghai', '上海市'],
  ['jiangsu', '江苏省'],
  ['zhejiang', '浙江省'],
  ['anhui', '安徽省'],
  ['fujian', '福建省'],
  ['jiangxi', '江西省'],
  ['shandong', '山东省'],
  ['henan', '河南省'],
  ['hubei', '湖北省'],
  ['hunan', '湖南省'],
  ['guangdong', '广东省'],
  ['guangxi', '广西壮族自治区'],
  ['hainan', '海南省'],
  ['chongqing', '重庆市'],
  ['sichuan', '四川省'],
  ['guizhou', '贵州省'],
  ['yunnan', '云南省'],
  ['xizang', '西藏自治区'],
  ['shaanxi', '陕西省'],
  ['gansu', '甘肃省'],
  ['qinghai', '青海省'],
  ['ningxia', '宁夏回族自治区'],
  ['xinjiang', '新疆维吾尔自治区'],
  ['taiwan', '台湾省'],
  ['hongkong', '香港特别行政区'],
  ['macau', '澳门特别行政区'],
] as const;

type T = (key: string) => string;

/** The province's name in the current language; unknown names are shown as stored. */
export function provinceLabel(t: T, name: string | null | undefined): string {
  if (!name) return '';
  const entry = PROVINCES.find(([, zh]) => zh === name);
  return entry ? t(`regions.${entry[0]}`) : name;
}

export function provinceOptions(t: T): { value: string; label: string }[] {
  return PROVINCES.map(([key, zh]) => ({ value: zh, label: t(`regions.${key}`) }));
}
