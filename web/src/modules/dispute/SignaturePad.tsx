import { useRef } from 'react';
import { Button, Space } from 'antd';
import { useI18n } from '../../i18n';

/**
 * 屏幕签名: the signer draws with a finger or the mouse; the value is a PNG data: URL (null while
 * empty). Browsers without a canvas (or tests) fall back to uploading the signed page.
 */
export function SignaturePad({ onChange, testId = 'signature-pad' }: { value?: string | null; onChange?: (v: string | null) => void; testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const ctx = () => {
    try {
      return ref.current?.getContext('2d') ?? null;
    } catch {
      return null;
    }
  };
  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <canvas
        ref={ref} width={360} height={120} data-testid={testId}
        style={{ border: '1px dashed #bbb', borderRadius: 4, touchAction: 'none', maxWidth: '100%', background: '#fff' }}
        onPointerDown={(e) => {
          const c = ctx();
          if (!c) return;
          drawing.current = true;
          c.lineWidth = 2.5;
          c.lineCap = 'round';
          c.strokeStyle = '#000';
          c.beginPath();
          c.moveTo(...at(e));
        }}
        onPointerMove={(e) => {
          const c = ctx();
          if (!drawing.current || !c) return;
          c.lineTo(...at(e));
          c.stroke();
        }}
        onPointerUp={() => {
          drawing.current = false;
          onChange?.(ref.current?.toDataURL('image/png') ?? null);
        }}
      />
      <Button size="small" onClick={() => {
        const c = ctx();
        if (c && ref.current) c.clearRect(0, 0, ref.current.width, ref.current.height);
        onChange?.(null);
      }}>{t('dispute.sign.clear')}</Button>
    </Space>
  );
}
