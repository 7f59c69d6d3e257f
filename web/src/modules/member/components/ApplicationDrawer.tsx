import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Card, Drawer, Skeleton, Space, Tag } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { call } from '../../../api/client';
import { joinApi, JOIN_STATUSES, JOIN_STATUS_LABELS, type JoinDetailT } from '../../../../../common/src/contracts/join';
import { EDUCATION_LABELS, EMPLOYMENT_FORM_LABELS, POLITICAL_STATUS_LABELS } from '../../../../../common/src/member-vocab';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { Actions, DeadlineBadge, Fields, FormModal, History, StatusTag, formatDateTime, todayInChina, useVocab, vocabOf } from '../../../kit';

export const JOIN_STATUS = vocabOf(JOIN_STATUSES, JOIN_STATUS_LABELS, { pending: 'processing', approved: 'success', rejected: 'default' });
const mono = { fontFamily: 'monospace' } as const;

/** The application's status with the answer deadline (15 working days) while it is pending. */
export function JoinStatusCell({ a }: { a: Pick<JoinDetailT, 'status' | 'dueOn' | 'workingDaysLeft' | 'provisional'> }) {
  return (
    <Space size={4}>
      <StatusTag vocab={JOIN_STATUS} value={a.status} testId="join-status" />
      {a.status === 'pending' && <DeadlineBadge due={a.dueOn} unit="working_days" left={a.workingDaysLeft} provisional={a.provisional} testId="join-deadline" />}
    </Space>
  );
}

/** One application: the applicant's details (masked), the decision and its history. */
export function ApplicationDrawer({ id, onClose, onDecided }: { id: string | null; onClose: () => void; onDecided: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const { data: a, loading, reload } = useRequest(() => (id ? call(joinApi.get, { params: { id } }) : Promise.resolve(null)), [id], showError);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const decided = () => {
    setDeciding(null);
    reload();
    onDecided();
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={a ? `${a.name} · ${a.appNo}` : t('join.review.detail')}
      data-testid="application-drawer"
      extra={
        a && (
          <Actions
            actions={[
              { key: 'reject', label: 'join.review.reject', danger: true, icon: <CloseOutlined />, show: a.status === 'pending', onClick: () => setDeciding('reject'), testId: 'application-reject-btn' },
              { key: 'approve', label: 'join.review.approve', primary: true, icon: <CheckOutlined />, show: a.status === 'pending', onClick: () => setDeciding('approve'), testId: 'application-approve-btn' },
            ]}
          />
        )
      }
    >
      {!a || (loading && a.id !== id) ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div data-testid="application-detail" data-status={a.status}>
          {a.overdue && <Alert type="error" showIcon title={t('join.review.overdueAlert', { due: a.dueOn })} style={{ marginBottom: 16 }} />}
          {a.status === 'approved' && a.memberId && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('join.review.approvedAlert', { card: a.cardNo ?? '' })}
              action={<Link to={`/members/${a.memberId}`}>{t('join.review.openMember')}</Link>}
              data-testid="application-approved"
            />
          )}
          {a.status === 'rejected' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('join.review.rejectedAlert', { reason: a.rejectReason ?? '' })} />}
          <Fields
            column={1}
            items={[
              { label: 'join.field.appNo', value: <span style={mono}>{a.appNo}</span> },
              { label: 'join.field.status', value: <JoinStatusCell a={a} /> },
              { label: 'join.field.submittedOn', value: a.submittedOn },
              { label: 'join.field.dueOn', value: a.dueOn },
              { label: 'member.field.name', value: a.name },
              { label: 'member.field.sex', value: `${t(a.sex === 'F' ? 'member.sex.F' : 'member.sex.M')} · ${a.birthDate}` },
              { label: 'member.field.idNumber', value: <span style={mono}>{a.idMasked}</span> },
              { label: 'member.field.mobile', value: a.mobileMasked && <span style={mono}>{a.mobileMasked}</span> },
              { label: 'member.field.ethnicity', value: a.ethnicity },
              { label: 'member.field.education', value: label(EDUCATION_LABELS, a.education) },
              { label: 'member.field.politicalStatus', value: label(POLITICAL_STATUS_LABELS, a.politicalStatus) },
              { label: 'member.field.employmentForm', value: label(EMPLOYMENT_FORM_LABELS, a.employmentForm) },
              { label: 'member.field.migrantWorker', value: t(a.migrantWorker ? 'common.yes' : 'common.no') },
              { label: 'member.field.occupation', value: a.occupation },
              { label: 'member.field.employerName', value: a.employerName && <>{a.employerName}{a.employerUscc && <div style={mono}>{a.employerUscc}</div>}</> },
              { label: 'join.field.union', value: <>{a.orgName} {a.viaTerritorial && <Tag color="blue">{t('join.viaTerritorial')}</Tag>}</> },
              { label: 'member.field.consentRecord', value: t('join.field.consentAt', { version: a.consentVersion, at: formatDateTime(a.consentAt) }) },
            ]}
          />
          <Card title={t('kit.detail.history')} size="small" style={{ marginTop: 16 }}>
            <History endpoint={joinApi.history} id={a.id} reloadKey={a.status} />
          </Card>
        </div>
      )}
      {a && (
        <FormModal<{ joinDate: string }>
          open={deciding === 'approve'}
          title={t('join.review.approveTitle', { name: a.name })}
          testId="application-approve"
          submitTestId="application-approve-ok"
          okText="join.review.approve"
          initialValues={{ joinDate: todayInChina() }}
          fields={[{ name: 'joinDate', label: 'member.field.joinDate', kind: 'date', noFuture: true, required: true, props: { allowClear: false } }]}
          onSubmit={(v) => call(joinApi.approve, { params: { id: a.id }, body: { joinDate: v.joinDate } })}
          onDone={(r) => {
            void message.success(t('join.review.approved', { name: a.name, card: (r as { cardNo: string | null }).cardNo ?? '' }));
            decided();
          }}
          onClose={() => setDeciding(null)}
        >
          <Alert type="info" showIcon title={t('join.review.approveConfirm', { org: a.orgName })} />
        </FormModal>
      )}
      {a && (
        <FormModal<{ reason: string }>
          open={deciding === 'reject'}
          title={t('join.review.rejectTitle', { name: a.name })}
          testId="application-reject"
          okText="join.review.reject"
          danger
          fields={[{ name: 'reason', label: 'join.review.reason', kind: 'textarea', max: 200, required: 'join.review.reasonRule', extra: 'join.review.reasonHint', rules: [{ min: 2, message: t('join.review.reasonRule') }] }]}
          onSubmit={(v) => call(joinApi.reject, { params: { id: a.id }, body: { reason: v.reason.trim() } })}
          onDone={() => {
            void message.success(t('join.review.rejected', { name: a.name }));
            decided();
          }}
          onClose={() => setDeciding(null)}
        />
      )}
    </Drawer>
  );
}
