/** About fifty orthopaedic catalogue products: families × the three demo manufacturers. */
interface DemoProduct {
  code: string;
  name: string;
  registrationNo: string;
  validDays: number; // registration validity end, in days from the seed date (negative: expired)
  manufacturerKey: string;
  spec: string;
  model: string;
  unit: string;
  priceFen: number;
  category: 'trauma' | 'spine' | 'joint' | 'sports';
  keyMonitored: boolean;
  vbp: boolean;
}

const FAMILIES: Array<[string, DemoProduct['category'], string, string, number]> = [
  ['锁定加压接骨板', 'trauma', '3.5mm 6孔 钛合金', '块', 285000],
  ['解剖型锁定接骨板（桡骨远端）', 'trauma', '2.4mm 左侧 5孔', '块', 342000],
  ['金属接骨螺钉', 'trauma', 'Φ3.5×30mm 皮质骨', '枚', 18600],
  ['空心加压螺钉', 'trauma', 'Φ6.5×80mm', '枚', 96000],
  ['股骨近端防旋髓内钉', 'trauma', 'Φ10×240mm 130°', '套', 1286000],
  ['胫骨髓内钉', 'trauma', 'Φ9×330mm', '套', 998000],
  ['椎弓根螺钉系统', 'spine', 'Φ6.0×45mm 万向', '套', 462000],
  ['颈椎前路钢板系统', 'spine', '2节段 37.5mm', '套', 718000],
  ['椎间融合器（PEEK）', 'spine', '10×26mm 8°', '个', 536000],
  ['经皮椎体成形系统', 'spine', '骨水泥 20g 套装', '套', 392000],
  ['人工髋关节假体（全髋）', 'joint', '陶瓷-聚乙烯 Φ52mm', '套', 718000],
  ['人工膝关节假体（初次置换）', 'joint', '后稳定型 3号', '套', 548000],
  ['人工股骨头假体（双极）', 'joint', 'Φ46mm 生物型', '套', 462000],
  ['单髁膝关节假体', 'joint', '活动平台 M号', '套', 596000],
  ['带线锚钉', 'sports', 'Φ5.0mm 双线', '枚', 268000],
  ['前交叉韧带重建固定装置', 'sports', '悬吊带袢 20mm', '套', 412000],
  ['关节镜用等离子刀头', 'sports', '90° 一次性使用', '支', 218000],
];

const MANUFACTURERS: Array<[string, string, number]> = [
  ['weigao', 'WG', 3],
  ['chunli', 'CL', 2],
  ['dabo', 'DB', 5],
];

export function demoProducts(): DemoProduct[] {
  const out: DemoProduct[] = [];
  FAMILIES.forEach(([name, category, spec, unit, price], f) => {
    MANUFACTURERS.forEach(([key, prefix, seed], m) => {
      const i = f * MANUFACTURERS.length + m;
      const validDays = i % 11 === 0 ? -(15 + i) : i % 7 === 0 ? 20 + i : 400 + ((i * 97) % 1400);
      out.push({
        code: `C${String(1410000 + i * 37).padStart(8, '0')}`,
        name,
        registrationNo: `国械注准${2019 + (i % 6)}3${13 + (i % 3)}${String(100 + ((i * 53 + seed) % 899)).padStart(4, '0')}`,
        validDays,
        manufacturerKey: key,
        spec,
        model: `${prefix}-${String(f + 1).padStart(2, '0')}${String.fromCharCode(65 + m)}`,
        unit,
        priceFen: Math.round((price * (0.85 + 0.1 * m)) / 100) * 100,
        category,
        keyMonitored: i % 5 === 0,
        vbp: category === 'joint' || (category === 'spine' && m !== 2) || i % 9 === 0,
      });
    });
  });
  return out;
}
