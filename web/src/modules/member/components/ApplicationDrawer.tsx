import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Skeleton, Space, Tag } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '../../../../../common/src/dates';
import { joinApi, type JoinDetail } from '../../../api/join';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { useMemberVocab } from '../member-vocab';
import { DeadlineTag, JoinStatusTag } from './join-tags';
import { Mono } from './member-tags';

/** Join dates are China dates (as the server checks them), whatever the browser's time zone. */
const chinaToday = () => dayjs(todayInChina());

function RejectModal({ app, open, onClose, onDone }: { app: JoinDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await joinApi.reject(app.id, v.reason.trim());
      void message.success(t('join.review.rejected', { name: app.name }));
      onDone();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('join.review.rejectTitle', { name: app.name })}
      onCancel={onClose}
      onOk={submit}
      okText={t('join.review.reject')}
      okButtonProps={{ danger: true, loading: saving, ...testId('application-reject-submit') }}
      cancelText={t('action.cancel')}
      destroyOnHidden
      modalRender={(node) => <div data-testid="application-reject-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" name="join-reject" preserve={false}>
        <Form.Item
          name="reason"
          label={t('join.review.reason')}
          extra={t('join.review.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('join.review.reasonRule') },
            { min: 2, message: t('join.review.reasonRule') },
            { max: 200, message: t('member.rule.max', { n: 200 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={200} showCount data-testid="application-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One application: the applicant's details (masked) and the decision. */
export function ApplicationDrawer({ id, onClose, onDecided }: { id: string | null; onClose: () => void; onDecided: () => void }) {
  const { t } = useI18n();
  const vocab = useMemberVocab();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const { data: a, loading, reload } = useRequest(() => (id ? joinApi.get(id) : Promise.resolve(null)), [id], showError);
  const [rejecting, setRejecting] = useState(false);
  // The confirm dialog renders outside React's state flow: keep the picked date in a ref.
  const joinDate = useRef<Dayjs>(chinaToday());

  const approve = (app: JoinDetail) => {
    joinDate.current = chinaToday();
    modal.confirm({
      title: t('join.review.approveTitle', { name: app.name }),
      content: (
        <div>
          <p>{t('join.review.approveConfirm', { org: app.orgName })}</p>
          <Space>
            <span>{t('member.field.joinDate')}</span>
            <DatePicker defaultValue={chinaToday()} allowClear={false} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(chinaToday(), 'day')} onChange={(d) => {
                if (d) joinDate.current = d;
              }} />
          </Space>
        </div>
      ),
      okText: t('join.review.approve'),
      okButtonProps: testId('application-approve-ok'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const r = await joinApi.approve(app.id, joinDate.current.format('YYYY-MM-DD'));
          void message.success(t('join.review.approved', { name: app.name, card: r.cardNo ?? '' }));
          reload();
          onDecided();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  const pending = a?.status === 'pending';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={640}
      title={a ? `${a.name} · ${a.appNo}` : t('join.review.detail')}
      data-testid="application-drawer"
      extra={
        a && pending ? (
          <Space>
            <Button danger icon={<CloseOutlined />} onClick={() => setRejecting(true)} data-testid="application-reject-btn">
              {t('join.review.reject')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => approve(a)} data-testid="application-approve-btn">
              {t('join.review.approve')}
            </Button>
          </Space>
        ) : null
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
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('join.field.appNo')}>
              <Mono>{a.appNo}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('join.field.status')}>
              <Space>
                <JoinStatusTag status={a.status} />
                <DeadlineTag item={a} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('join.field.submittedOn')}>{a.submittedOn}</Descriptions.Item>
            <Descriptions.Item label={t('join.field.dueOn')}>{a.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.name')}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.sex')}>
              {t(a.sex === 'F' ? 'member.sex.F' : 'member.sex.M')} · {a.birthDate}
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.idNumber')}>
              <Mono>{a.idMasked}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.mobile')}>
              <Mono>{a.mobileMasked ?? '—'}</Mono>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.ethnicity')}>{a.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.education')}>{vocab.educationLabel(a.education) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.politicalStatus')}>{vocab.politicalLabel(a.politicalStatus) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.employmentForm')}>{vocab.formLabel(a.employmentForm)}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.migrantWorker')}>{a.migrantWorker ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.occupation')}>{a.occupation ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('member.field.employerName')}>
              {a.employerName ?? '—'}
              {a.employerUscc && (
                <div>
                  <Mono>{a.employerUscc}</Mono>
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('join.field.union')}>
              {a.orgName} {a.viaTerritorial && <Tag color="blue">{t('join.viaTerritorial')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.consentRecord')}>{t('join.field.consentAt', { version: a.consentVersion, at: new Date(a.consentAt).toLocaleString() })}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
      {a && <RejectModal app={a} open={rejecting} onClose={() => setRejecting(false)} onDone={() => { setRejecting(false); reload(); onDecided(); }} />}
    </Drawer>
  );
}
