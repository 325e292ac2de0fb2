/**
 * 合同下载: the contract as a PDF in Chinese — parties, product, quantity, price, amount, period, the
 * SHA-256 of the signed content, and each signature block (signer, certificate serial, time, the
 * server's verification). The font (Noto Sans SC, simplified-Chinese subset) ships through npm.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { chinaDateTime, CONTRACT_PARTY_LABELS, contractMachine, formatFen, type ContractRow } from '../../../domain';
import { woffToSfnt } from '../../../utils/woff-to-sfnt';
import type { SignatureCheck } from './contract';

let font: Buffer | null = null;
function cjkFont(): Buffer {
  font ??= woffToSfnt(fs.readFileSync(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff')));
  return font;
}

/** The PDF bytes of a contract with its checked signatures. */
export function contractPdf(row: ContractRow, signatures: SignatureCheck[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `三方合同 ${row.code}`, Author: '医用耗材采购配送平台' } });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).text('医用耗材带量采购三方合同', { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(10)
    .fillColor('#555')
    .text(`合同编号：${row.code}\u3000\u3000状态：${contractMachine.label(row.status)}`, { align: 'center' });
  doc.fillColor('#000').moveDown(1);

  const line = (label: string, value: string) => doc.fontSize(11).text(`${label}：${value}`, { lineGap: 4 });
  doc.fontSize(13).text('一、合同各方', { underline: false }).moveDown(0.3);
  line('甲方（医疗机构）', row.hospitalName ?? '');
  line('乙方（生产企业，中选企业）', row.manufacturerName ?? '');
  line('丙方（配送企业）', row.distributorName ?? '');
  doc.moveDown(0.6).fontSize(13).text('二、采购标的').moveDown(0.3);
  line('产品', `${row.productName ?? ''}（编码 ${row.productCode ?? ''}）`);
  line('规格型号', [row.spec, row.model].filter(Boolean).join(' / ') || '—');
  line('约定采购量', `${row.quantity} ${row.unit ?? ''}`);
  line('挂网价', `${formatFen(row.priceFen)} 元`);
  line('合同金额', `${formatFen(row.amountFen)} 元`);
  line('采购周期', `${row.startDate} 至 ${row.endDate}`);
  line('执行进度', `已采购 ${row.orderedQuantity} / ${row.quantity}`);
  doc.moveDown(0.6).fontSize(13).text('三、合同内容摘要').moveDown(0.3);
  doc.fontSize(10).text(`签名所覆盖的合同内容（GET /api/contracts/${row.documentId}/content）的 SHA-256：`);
  doc.font('Courier').fontSize(9).text(row.contentHash).font('cjk');
  doc.moveDown(0.6).fontSize(13).text('四、签署').moveDown(0.3);
  for (const p of row.parties) {
    const s = signatures.find((x) => x.party === p.party);
    doc.fontSize(11).text(`${CONTRACT_PARTY_LABELS[p.party].zh}：${p.orgName ?? ''}`);
    if (!s) {
      doc.fontSize(10).fillColor('#a00').text('\u3000未签订').fillColor('#000');
    } else {
      doc.fontSize(10).text(`\u3000签署者：${s.signer ?? ''}`);
      doc.text(`\u3000证书序列号：${s.certSerial ?? ''}`);
      doc.text(`\u3000签署时间：${chinaDateTime(s.signingTime ?? p.signedAt)}`);
      doc
        .fillColor(s.valid ? '#070' : '#a00')
        .text(`\u3000验证结果：${s.valid ? '签名有效（ECDSA P-256 / SHA-256，平台 CA 签发的证书）' : `签名无效：${s.reason ?? ''}`}`);
      doc.fillColor('#000');
    }
    doc.moveDown(0.4);
  }
  doc
    .moveDown(0.6)
    .fontSize(9)
    .fillColor('#555')
    .text('各方签名为对合同内容的分离式 CMS（PKCS #7）签名，可用平台 CA 证书（GET /api/pki/ca.pem）通过 openssl cms -verify 独立验证。');
  doc.end();
  return done;
}
