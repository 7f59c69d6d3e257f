import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, type PointerEvent } from 'react';
import { Button, Space, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n';

export interface SignaturePadHandle {
  /** The signature as a PNG data URL, or null when nothing was drawn. */
  toPng: () => string | null;
  clear: () => void;
  isEmpty: () => boolean;
}

/**
 * An on-screen signature (屏幕签名): a small canvas the recipient signs with a mouse, pen or finger
 * (pointer events, so touch works without scrolling the page), exported as a PNG with a white
 * background. A plain canvas keeps the web app free of another dependency.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { height?: number; onChange?: (empty: boolean) => void; testid?: string }>(function SignaturePad(
  { height = 180, onChange, testid = 'hs-aid-signature' },
  ref,
) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const logical = useRef({ w: 480, h: height });
  const changed = useRef(onChange);
  changed.current = onChange;

  const setup = useCallback(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = Math.max(1, window.devicePixelRatio || 1);
    const w = c.clientWidth || 480;
    logical.current = { w, h: height };
    c.width = Math.round(w * ratio);
    c.height = Math.round(height * ratio);
    const ctx = c.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, height);
    ctx.lineWidth = 2.2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    drawn.current = false;
    changed.current?.(true);
  }, [height]);

  useEffect(() => {
    setup();
  }, [setup]);

  useImperativeHandle(ref, () => ({
    toPng: () => (drawn.current && canvas.current ? canvas.current.toDataURL('image/png') : null),
    clear: setup,
    isEmpty: () => !drawn.current,
  }));

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    // Map the pointer into the canvas's drawing space (the element may be scaled, e.g. while the modal animates).
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * logical.current.w) / (r.width || 1), y: ((e.clientY - r.top) * logical.current.h) / (r.height || 1) };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    last.current = point(e);
    const ctx = e.currentTarget.getContext('2d')!;
    ctx.beginPath();
    ctx.arc(last.current.x, last.current.y, 1.1, 0, Math.PI * 2);
    ctx.fillStyle = '#111';
    ctx.fill();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || !last.current) return;
    const p = point(e);
    const ctx = e.currentTarget.getContext('2d')!;
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
    if (!drawn.current) {
      drawn.current = true;
      changed.current?.(false);
    }
  };
  const up = () => {
    drawing.current = false;
    last.current = null;
  };

  return (
    <div>
      <canvas
        ref={canvas}
        data-testid={testid}
        aria-label={t('hsFile.aid.sign.hint')}
        style={{ width: '100%', height, border: '1px dashed #bfbfbf', borderRadius: 6, touchAction: 'none', cursor: 'crosshair', background: '#fff', display: 'block' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
        onPointerCancel={up}
      />
      <Space style={{ marginTop: 4, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hsFile.aid.sign.hint')}
        </Typography.Text>
        <Button size="small" icon={<ClearOutlined />} onClick={setup} data-testid={`${testid}-clear`}>
          {t('hsFile.aid.sign.clear')}
        </Button>
      </Space>
    </div>
  );
});
