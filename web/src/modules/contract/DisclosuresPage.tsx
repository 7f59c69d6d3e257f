import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { congressApi } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, StatusTag, todayInChina } from '../../kit';
import { CHANNELS } from './vocab';

/** 厂务公开: what employers disclosed, when and where, the workers' feedback; and the employers with nothing this year. */
export default function DisclosuresPage() {
  const { t } = useI18n();
  const access = useAccess();
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState(0);
  // The list below follows the year filter of the list above (this year when none is chosen).
  const [sp] = useSearchParams();
  const missingYear = /^\d{4}$/.test(sp.get('year') ?? '') ? sp.get('year')! : todayInChina().slice(0, 4);
  return (
    <>
      <ListPage testId="disclosures" title="disclosure.title" endpoint={congressApi.disclosures}
        reloadKey={done}
        rowTestId={(d) => `disclosure-row-${d.id}`}
        empty="disclosure.empty"
        scrollX={1000}
        toolbar={access.canWriteContract && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="disclosure-new">{t('disclosure.new')}</Button>}
        filters={[
          access.canReadOrg && { name: 'under', label: 'contract.filter.under', kind: 'org', span: 8 },
          { name: 'year', label: 'disclosure.f.year', kind: 'number', min: 2000, max: 2100, span: 4 },
        ]}
        columns={[
          { key: 'org', title: 'disclosure.f.orgId', dataIndex: 'orgName', width: 240, ellipsis: true },
          { key: 'disclosedOn', title: 'disclosure.f.disclosedOn', dataIndex: 'disclosedOn', sort: 'disclosedOn', width: 120 },
          { key: 'channel', title: 'disclosure.f.channel', dataIndex: 'channel', width: 130, render: (c: string) => <StatusTag vocab={CHANNELS} value={c} /> },
          { key: 'subject', title: 'disclosure.f.subject', dataIndex: 'subject', width: 180 },
          { key: 'content', title: 'disclosure.f.content', dataIndex: 'content', width: 240, ellipsis: true },
          { key: 'feedback', title: 'disclosure.f.feedback', dataIndex: 'feedback', width: 200, ellipsis: true },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <ListPage testId="disclosures-missing"
          embedded
          pagingPrefix="missing."
          title={{ zh: `${missingYear}年度未公开的单位`, en: `Employers with no disclosure in ${missingYear}` }}
          endpoint={congressApi.missingDisclosures}
          reloadKey={done}
          rowKey="orgId"
          empty="disclosure.missingEmpty"
          columns={[
            { key: 'name', title: 'disclosure.f.orgId', dataIndex: 'name', width: 300 },
            { key: 'employees', title: 'disclosure.missing.employees', dataIndex: 'employeeCount', align: 'right', width: 120, render: (n: number | null) => n?.toLocaleString() ?? '—' },
          ]}
        />
      </div>
      <FormModal<Record<string, unknown>>
        open={adding}
        title={t('disclosure.new')}
        testId="disclosure-form"
        width={720}
        initialValues={{ disclosedOn: todayInChina(), channel: 'board' }}
        fields={[
          { name: 'orgId', label: 'disclosure.f.orgId', kind: 'org', levels: ['grassroots'], required: true, span: 12 },
          { name: 'disclosedOn', label: 'disclosure.f.disclosedOn', kind: 'date', required: true, noFuture: true, span: 6 },
          { name: 'channel', label: 'disclosure.f.channel', kind: 'select', vocab: CHANNELS, required: true, span: 6 },
          { name: 'subject', label: 'disclosure.f.subject', required: true, max: 100, span: 24 },
          { name: 'content', label: 'disclosure.f.content', kind: 'textarea', required: true, max: 4000, span: 24 },
          { name: 'feedback', label: 'disclosure.f.feedback', kind: 'textarea', max: 2000, span: 24 },
        ]}
        onSubmit={(v) => call(congressApi.addDisclosure, { body: v as never })}
        onClose={() => setAdding(false)}
        onDone={() => { setAdding(false); setDone((n) => n + 1); }}
      />
    </>
  );
}
