/** Demo organisations and their users (password DEMO_PASSWORD for every demo user). */
export const DEMO_PASSWORD = 'Demo@123456';

export interface DemoOrg {
  key: string;
  name: string;
  type: 'platform' | 'bureau' | 'manufacturer' | 'distributor' | 'hospital';
  provinceCode: string | null;
  regionCode?: string;
  creditBase?: string; // first 17 characters of the 统一社会信用代码; the check character is computed
  legalPerson?: string;
  phone?: string;
  address?: string;
  hospitalLevel?: string;
  username: string;
  provincialAccount?: string; // distributors issued with a provincial platform account
  seq?: number; // distributors issued without one
  areas?: string[];
}

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'platform', name: '国家组织医用耗材联合采购办公室', type: 'platform', provinceCode: null, username: 'lcb_admin', phone: '022-24538156' },
  { key: 'bj-bureau', name: '北京市医疗保障局', type: 'bureau', provinceCode: '11', regionCode: '110102', username: 'bj_ybj', phone: '010-89150900', address: '北京市西城区' },
  { key: 'sx-bureau', name: '山西省医疗保障局', type: 'bureau', provinceCode: '14', regionCode: '140105', username: 'sx_ybj', phone: '0351-5606611', address: '山西省太原市小店区' },
  { key: 'weigao', name: '山东威高骨科材料股份有限公司', type: 'manufacturer', provinceCode: '37', regionCode: '371002', creditBase: '91371000674548321', legalPerson: '弓剑波', phone: '0631-5716166', username: 'mf_weigao' },
  { key: 'chunli', name: '北京市春立正达医疗器械股份有限公司', type: 'manufacturer', provinceCode: '11', regionCode: '110112', creditBase: '91110000102118803', legalPerson: '史春宝', phone: '010-60597000', username: 'mf_chunli' },
  { key: 'dabo', name: '大博医疗科技股份有限公司', type: 'manufacturer', provinceCode: '35', regionCode: '350206', creditBase: '91350200612029123', legalPerson: '林志雄', phone: '0592-6083978', username: 'mf_dabo' },
  { key: 'gk-bj', name: '国药控股北京有限公司', type: 'distributor', provinceCode: '11', regionCode: '110105', creditBase: '91110000101118502', legalPerson: '刘勇', phone: '010-67800000', username: 'P11PS0001', provincialAccount: 'PS0001', areas: ['110101', '110102', '110105', '110106', '110108'] },
  { key: 'cr-bj', name: '华润医药商业集团有限公司', type: 'distributor', provinceCode: '11', regionCode: '110101', creditBase: '91110000101160903', legalPerson: '周小龙', phone: '010-57985000', username: 'P11PS0002', provincialAccount: 'PS0002', areas: ['110101', '110105', '110112', '110113'] },
  { key: 'ky-bj', name: '北京科园信海医药经营有限公司', type: 'distributor', provinceCode: '11', regionCode: '110108', creditBase: '91110108700215631', legalPerson: '王军', phone: '13901012345', username: 'P110001', seq: 1, areas: ['110108', '110114'] },
  { key: 'gk-sx', name: '国药控股山西有限公司', type: 'distributor', provinceCode: '14', regionCode: '140105', creditBase: '91140000110016784', legalPerson: '李晋', phone: '0351-7023456', username: 'P14SX0001', provincialAccount: 'SX0001', areas: ['140105', '140106', '140107'] },
  { key: 'hw-sx', name: '山西华卫药业有限公司', type: 'distributor', provinceCode: '14', regionCode: '140106', creditBase: '91140100701098765', legalPerson: '张华', phone: '13835112345', username: 'P140001', seq: 1, areas: ['140106', '140109'] },
  { key: 'jst', name: '北京积水潭医院', type: 'hospital', provinceCode: '11', regionCode: '110102', creditBase: '12110000400690254', hospitalLevel: '三级甲等', phone: '010-58516688', username: 'h_jst' },
  { key: 'xiehe', name: '北京协和医院', type: 'hospital', provinceCode: '11', regionCode: '110101', creditBase: '12100000400000621', hospitalLevel: '三级甲等', phone: '010-69156114', username: 'h_xiehe' },
  { key: 'chaoyang', name: '首都医科大学附属北京朝阳医院', type: 'hospital', provinceCode: '11', regionCode: '110105', creditBase: '12110000400687331', hospitalLevel: '三级甲等', phone: '010-85231000', username: 'h_chaoyang' },
  { key: 'sxrm', name: '山西省人民医院', type: 'hospital', provinceCode: '14', regionCode: '140105', creditBase: '12140000405200421', hospitalLevel: '三级甲等', phone: '0351-4960001', username: 'h_sxrm' },
  { key: 'sxdy', name: '山西医科大学第一医院', type: 'hospital', provinceCode: '14', regionCode: '140106', creditBase: '12140000405201547', hospitalLevel: '三级甲等', phone: '0351-4639114', username: 'h_sxdy' },
];
