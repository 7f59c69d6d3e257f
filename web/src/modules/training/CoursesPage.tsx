import { Link } from 'react-router-dom';
import { trainingApi, type CourseInput } from '../../../../common/src/contracts/training';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { ListPage, StatusTag, todayInChina, useVocab, listFilters } from '../../kit';
import { SECTORS } from '../competition/vocab';
import { COURSE_MODES } from './vocab';

/** 技能培训: courses in scope, online and offline, with sign-ups and attendance. */
export default function CoursesPage() {
  const access = useAccess();
  const { label } = useVocab();
  return (
    <ListPage testId="training-courses" endpoint={trainingApi.courses} rowTestId={(c) => `course-row-${c.id}`}
      filters={listFilters('training.course.title', { mode: ['training.mode', COURSE_MODES], sector: ['training.sector', SECTORS] }, 'training.org')}
      columns={[
        { key: 'title', title: 'training.course.title', dataIndex: 'title', sort: 'title', fixedShown: true, render: (v: string, c) => <Link to={`/training/courses/${c.id}`}>{v}</Link> },
        { key: 'mode', title: 'training.mode', dataIndex: 'mode', width: 80, render: (m: string) => <StatusTag vocab={COURSE_MODES} value={m} /> },
        { key: 'trade', title: 'training.trade', dataIndex: 'trade', width: 140 },
        { key: 'sector', title: 'training.sector', dataIndex: 'sector', width: 120, render: (k: string) => label(SECTORS, k) },
        { key: 'startsOn', title: 'training.startsOn', dataIndex: 'startsOn', sort: 'startsOn', width: 110 },
        { key: 'hours', title: 'training.hours', dataIndex: 'hours', width: 70, align: 'right' },
        { key: 'enrolled', title: 'training.enrolled', dataIndex: 'enrolled', width: 100, align: 'right', render: (n: number, c) => `${n} / ${c.capacity}` },
        { key: 'attended', title: 'training.attended', dataIndex: 'attended', width: 70, align: 'right' },
        { key: 'org', title: 'training.org', dataIndex: 'orgName', width: 200, ellipsis: true },
      ]}
      create={{
        label: 'training.course.new', show: access.canWriteTraining, testId: 'course-new', to: (r: { id: string }) => `/training/courses/${r.id}`,
        form: {
          testId: 'course-form',
          initialValues: { mode: 'offline', sector: 'manufacturing', startsOn: todayInChina(), endsOn: todayInChina(), hours: 16, capacity: 50 },
          onSubmit: (v: CourseInput) => call(trainingApi.createCourse, { body: v }),
          fields: [
            { name: 'orgId', label: 'training.org', kind: 'org', required: true, span: 12 },
            { name: 'title', label: 'training.course.title', required: true, max: 120, span: 12 },
            { name: 'mode', label: 'training.mode', kind: 'radio', vocab: COURSE_MODES, required: true },
            { name: 'trade', label: 'training.trade', required: true, max: 60 },
            { name: 'sector', label: 'training.sector', kind: 'select', vocab: SECTORS, required: true },
            { name: 'startsOn', label: 'training.startsOn', kind: 'date', required: true },
            { name: 'endsOn', label: 'training.endsOn', kind: 'date', required: true },
            { name: 'hours', label: 'training.hours', kind: 'number', min: 1, max: 2000, required: true },
            { name: 'capacity', label: 'training.capacity', kind: 'number', min: 1, max: 100000, required: true },
            { name: 'place', label: 'training.place', max: 200, span: 16 },
          ],
        },
      }}
    />
  );
}
