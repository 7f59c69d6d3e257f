import type React from 'react';
import { Tag } from 'antd';
import { STATUS_COLOR, useMemberVocab } from '../member-vocab';

/** A membership status as a coloured tag (在会 green, 保留会籍 blue, 接转中 orange, 已退会 grey). */
export function MemberStatusTag({ status }: { status: string }) {
  const { statusLabel } = useMemberVocab();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={`member-status-${status}`}>
      {statusLabel(status)}
    </Tag>
  );
}

/** The employment form, with 新就业形态 forms marked. */
export function EmploymentFormTag({ form }: { form: string }) {
  const { formLabel, gigForms } = useMemberVocab();
  const gig = gigForms.includes(form);
  return gig ? <Tag color="purple">{formLabel(form)}</Tag> : <span>{formLabel(form)}</span>;
}

/** ID numbers, mobiles and card numbers line up in a fixed-width font. */
export function Mono({ children }: { children: React.ReactNode }) {
  return <span style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', whiteSpace: 'nowrap' }}>{children}</span>;
}
