import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Space, Table } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { trainingApi, type CourseDetail } from '../../../../common/src/contracts/training';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, useVocab } from '../../kit';
import { useBusy } from '../../app/use-api-error';
import { SECTORS } from '../competition/vocab';
import { COURSE_MODES, ENROLMENT_STATUSES } from './vocab';

/** 培训班: the course, its sign-ups and the attendance marked per person. */
export default function CourseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [enrolling, setEnrolling] = useState(false);
  const { busy, run } = useBusy();
  return (
    <DetailPage<CourseDetail> testId="course" get={trainingApi.course} title={(c) => c.title}
      tags={(c) => <StatusTag vocab={COURSE_MODES} value={c.mode} />}
      actions={(c, reload) => (
        <>
          <Actions actions={[{ key: 'enrol', label: 'training.enrol', icon: <UserAddOutlined />, primary: true, show: c.can.edit && c.enrolled < c.capacity, testId: 'course-enrol', onClick: () => setEnrolling(true) }]} />
          <FormModal<{ memberId: string }> open={enrolling} testId="course-enrol-form" title={t('training.enrol')} onClose={() => setEnrolling(false)}
            onSubmit={async (v) => { await call(trainingApi.enrol, { params: { id: c.id }, body: v }); setEnrolling(false); reload(); }}
            fields={[{ name: 'memberId', label: 'training.member', kind: 'member', required: true, span: 24 }]} />
        </>
      )}
      body={(c, reload) => {
        const mark = (enrolmentId: string, status: 'attended' | 'absent') =>
          run(async () => { await call(trainingApi.attendance, { params: { id: c.id }, body: { marks: [{ enrolmentId, status }] } }); reload(); });
        return (
          <>
            <Card size="small">
              <Fields items={[
                { label: 'training.org', value: c.orgName },
                { label: 'training.trade', value: c.trade },
                { label: 'training.sector', value: label(SECTORS, c.sector) },
                { label: 'training.startsOn', value: `${c.startsOn} ~ ${c.endsOn}` },
                { label: 'training.hours', value: c.hours },
                { label: 'training.capacity', value: `${c.enrolled} / ${c.capacity}` },
                { label: 'training.attended', value: c.attended },
                { label: 'training.place', value: c.place },
              ]} />
            </Card>
            <Card size="small" title={t('training.enrolments')} style={{ marginTop: 16 }}>
              <Table rowKey="id" size="small" dataSource={c.enrolments} data-testid="course-enrolments" pagination={{ pageSize: 50 }}
                columns={[
                  { title: t('training.name'), dataIndex: 'name' },
                  { title: t('training.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={ENROLMENT_STATUSES} value={s} /> },
                  ...(c.can.edit ? [{
                    title: t('common.actions'), key: 'mark', width: 180,
                    render: (_: unknown, e: { id: string; status: string }) => (
                      <Space size={0}>
                        <Button type="link" size="small" disabled={busy || e.status === 'attended'} onClick={() => mark(e.id, 'attended')} data-testid={`enrolment-attended-${e.id}`}>{t('training.mark.attended')}</Button>
                        <Button type="link" size="small" danger disabled={busy || e.status === 'absent'} onClick={() => mark(e.id, 'absent')} data-testid={`enrolment-absent-${e.id}`}>{t('training.mark.absent')}</Button>
                      </Space>
                    ),
                  }] : []),
                ]} />
            </Card>
          </>
        );
      }}
      history={{ endpoint: trainingApi.courseHistory, id: id! }}
    />
  );
}
