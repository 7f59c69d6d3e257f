import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { honorApi, type RecordDetail } from '../../../../common/src/contracts/honor';
import type { CareKind } from '../../../../common/src/honor-rules';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, todayInChina, useVocab, yuan } from '../../kit';
import { CARE_KINDS, HONOR_KINDS, LEVELS } from './vocab';

/** 劳模档案: the honour and its holder, the care given (allowances, check-ups, recuperation, visits). */
export default function RecordDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const [adding, setAdding] = useState(false);
  return (
    <DetailPage<RecordDetail> testId="honor-record" get={honorApi.getRecord} title={(r) => `${r.name} · ${r.title}`}
      tags={(r) => <StatusTag vocab={HONOR_KINDS} value={r.kind} />}
      actions={(r, reload) => (
        <>
          <Actions actions={[{ key: 'care', label: 'honor.care.new', icon: <PlusOutlined />, primary: true, show: r.can.care, testId: 'honor-care-new', onClick: () => setAdding(true) }]} />
          <FormModal<{ kind: CareKind; on: string; amountFen?: number; note?: string | null }>
            open={adding}
            testId="honor-care-form"
            submitTestId="honor-care-save"
            title={t('honor.care.new')}
            initialValues={{ kind: 'visit', on: todayInChina(), amountFen: 0 }}
            onClose={() => setAdding(false)}
            onSubmit={async (v) => { await call(honorApi.addCare, { params: { id: r.id }, body: v }); setAdding(false); reload(); }}
            fields={[
              { name: 'kind', label: 'honor.care.kind', kind: 'select', vocab: CARE_KINDS, required: true },
              { name: 'on', label: 'honor.care.on', kind: 'date', required: true, noFuture: true },
              { name: 'amountFen', label: 'honor.care.amount', kind: 'money' },
              { name: 'note', label: 'honor.care.note', kind: 'textarea', max: 500, span: 24 },
            ]}
          />
        </>
      )}
      body={(r) => (
        <>
          {r.inHardship && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('honor.rec.hardshipReminder')} data-testid="honor-record-hardship" />}
          <Card size="small">
            <Fields testId="honor-record-fields" items={[
              { label: 'honor.rec.title', value: r.title },
              { label: 'honor.rec.level', value: label(LEVELS, r.level) },
              { label: 'honor.rec.year', value: r.year },
              { label: 'honor.rec.awardedOn', value: r.awardedOn },
              { label: 'honor.rec.certificate', value: r.certificateNo },
              { label: 'honor.rec.org', value: r.orgName },
              { label: 'honor.rec.employer', value: r.employer },
              { label: 'honor.rec.post', value: r.post },
              { label: 'honor.rec.member', value: r.memberId && (access.canReadMember ? <Link to={`/members/${r.memberId}`}>{t('action.view')}</Link> : t('common.yes')) },
              { label: 'honor.nom.call', value: r.callId && <Link to={`/honors/calls/${r.callId}`}>{t('action.view')}</Link> },
            ]} />
          </Card>
          <Card size="small" title={t('honor.rec.care')} style={{ marginTop: 16 }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={r.care} data-testid="honor-care"
              columns={[
                { title: t('honor.care.on'), dataIndex: 'on', width: 110 },
                { title: t('honor.care.kind'), dataIndex: 'kind', width: 140, render: (k: string) => label(CARE_KINDS, k) },
                { title: t('honor.care.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
                { title: t('honor.care.note'), dataIndex: 'note' },
                { title: t('honor.care.by'), dataIndex: 'byName', width: 120 },
              ]} />
          </Card>
        </>
      )}
      history={{ endpoint: honorApi.recordHistory, id: id! }}
    />
  );
}
