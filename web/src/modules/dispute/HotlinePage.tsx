import { useState } from 'react';
import { App, Button } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { hotlineApi } from '../../../../common/src/contracts/legal-aid';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { formatDateTime, FormModal, ListPage, StatusTag, TwoLines, useVocab } from '../../kit';
import { CALL_TOPIC, HOTLINE_RESULT, LEGAL_AID_KIND } from './vocab';

type Values = { orgId: string; callerName?: string; mobile?: string; topic: string; summary: string; result: string; aidKind?: string };

/** 12351热线来电记录: every call, with what came of it; a call asking for legal aid opens the request in the same step. */
export default function HotlinePage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  return (
    <>
      <ListPage testId="hotline" title="hotline.title" endpoint={hotlineApi.list}
        reloadKey={tick}
        toolbar={access.canWriteLegalAid && <Button type="primary" icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="hotline-new">{t('hotline.new')}</Button>}
        filters={[
          access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 },
          { name: 'result', label: 'hotline.field.result', kind: 'select', vocab: HOTLINE_RESULT, span: 6 },
          { name: 'flags', kind: 'flags', span: 6, options: [{ value: 'today', label: t('hotline.filter.today') }] },
        ]}
        columns={[
          { key: 'calledAt', title: 'hotline.field.calledAt', dataIndex: 'calledAt', sort: 'calledAt', width: 160, render: (v: string) => formatDateTime(v) },
          { key: 'caller', title: 'hotline.field.callerName', dataIndex: 'callerName', width: 140, render: (n: string | null, c) => <TwoLines main={n ?? '—'} sub={c.mobileMasked} /> },
          { key: 'topic', title: 'hotline.field.topic', dataIndex: 'topic', width: 150, render: (v: string) => label(CALL_TOPIC, v) },
          { key: 'summary', title: 'hotline.field.summary', dataIndex: 'summary', ellipsis: true },
          { key: 'result', title: 'hotline.field.result', dataIndex: 'result', width: 120, render: (r: string) => <StatusTag vocab={HOTLINE_RESULT} value={r} /> },
          { key: 'org', title: 'dispute.col.org', dataIndex: 'orgName', width: 150, ellipsis: true },
          { key: 'handledBy', title: 'hotline.field.handledBy', dataIndex: 'handledByName', width: 110 },
        ]}
      />
      <FormModal<Values>
        open={open}
        title={t('hotline.new')}
        testId="hotline-form"
        fields={[
          { name: 'orgId', label: 'legalAid.field.orgId', kind: 'org', required: true },
          { name: 'callerName', label: 'hotline.field.callerName', max: 40 },
          { name: 'mobile', label: 'dispute.field.mobile', kind: 'mobile' },
          { name: 'topic', label: 'hotline.field.topic', kind: 'select', vocab: CALL_TOPIC, required: true },
          { name: 'summary', label: 'hotline.field.summary', kind: 'textarea', required: true, max: 2000 },
          { name: 'result', label: 'hotline.field.result', kind: 'select', vocab: HOTLINE_RESULT, required: true },
          { name: 'aidKind', label: 'hotline.field.aidKind', kind: 'select', vocab: LEGAL_AID_KIND },
        ]}
        onClose={() => setOpen(false)}
        onSubmit={(v) => call(hotlineApi.create, { body: { orgId: v.orgId, callerName: v.callerName || null, mobile: v.mobile || null, topic: v.topic as never, summary: v.summary, result: v.result as never, aidKind: (v.aidKind || undefined) as never } })}
        onDone={(r) => {
          const aid = (r as { legalAid: { requestNo: string } | null }).legalAid;
          void message.success(aid ? `${t('common.saved')} · ${aid.requestNo}` : t('common.saved'));
          setOpen(false);
          setTick((x) => x + 1);
        }}
      />
    </>
  );
}
