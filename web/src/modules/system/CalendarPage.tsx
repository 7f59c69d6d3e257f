import { useState } from 'react';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { AuditOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { systemApi, type CalendarYearRow } from '../../../../common/src/contracts/system';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, dateRuns, parseDateList } from '../../../../common/src/calendar-years';
import { STATUTORY_HOLIDAYS } from '../../../../common/src/statutory-holidays';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, type FieldSpec } from '../../kit';
import { CalendarReminder } from './CalendarReminder';

const SOURCE_COLOR = { package: 'blue', override: 'green', weekdays_only: 'orange' } as const;

/** Dates as runs without the year: 01-01~01-03、02-05~02-11. */
function runsText(dates: readonly string[], sep = '、'): string {
  return dateRuns(dates).map(([a, b]) => (a === b ? a.slice(5) : `${a.slice(5)}~${b.slice(5)}`)).join(sep);
}

/** The same, each run kept on one line when the cell wraps. */
function Runs({ dates }: { dates: readonly string[] }) {
  const runs = runsText(dates).split('、');
  return <>{runs.map((r, i) => <span key={r} style={{ whiteSpace: 'nowrap' }}>{r}{i < runs.length - 1 ? '、' : ''}</span>)}</>;
}

/** The form's text for a list of dates: one run a line, with the year. */
const formText = (dates: readonly string[]) => dateRuns(dates).map(([a, b]) => (a === b ? a : `${a}~${b}`)).join('\n');

interface FormValues {
  year: number;
  holidays: string;
  workdays?: string;
}

/**
 * 节假日日历: each year's days off and make-up working days (调休) that working-day deadlines count
 * on, where they come from, and entering or correcting a year (docs/rules.md, "Deadlines").
 */
export default function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const [editing, setEditing] = useState<{ year?: number; row?: CalendarYearRow } | null>(null);
  const [changed, setChanged] = useState(0);

  const dateRule = {
    validator: async (_: unknown, v?: string) => {
      const { bad } = parseDateList(v ?? '');
      if (bad.length) throw new Error(t('calendar.field.badDates', { pieces: bad.join('、') }));
    },
  };
  const year = editing?.row?.year ?? editing?.year;
  const statutory = year ? STATUTORY_HOLIDAYS[year] : undefined;
  const fields: FieldSpec[] = [
    {
      name: 'year', label: 'calendar.field.year', kind: 'number', min: CALENDAR_YEAR_MIN, max: CALENDAR_YEAR_MAX, disabled: !!editing?.row,
      rules: [{ required: true, message: t('calendar.field.yearRequired') }], props: { style: { width: 160 } },
    },
    {
      name: 'holidays', label: 'calendar.field.holidays', kind: 'textarea', extra: 'calendar.field.hint',
      rules: [{ required: true, message: t('calendar.field.holidaysRequired') }, dateRule], props: { rows: 6 },
    },
    { name: 'workdays', label: 'calendar.field.workdays', kind: 'textarea', rules: [dateRule], props: { rows: 3 } },
  ];

  const save = async (v: FormValues) => {
    const body = { holidays: parseDateList(v.holidays).dates, workdays: parseDateList(v.workdays ?? '').dates };
    return call(systemApi.saveCalendarYear, { params: { year: v.year }, body });
  };

  return (
    <>
      <ListPage testId="calendar" title="calendar.menu"
        crumbs={[{ title: t('menu.system') }, { title: t('calendar.menu') }]}
        endpoint={systemApi.calendarYears}
        rowKey="year"
        reloadKey={changed}
        scrollX={1100}
        rowTestId={(r) => `calendar-row-${r.year}`}
        toolbar={(
          <>
            {access.canReadAudit && (
              <Link to="/system/audit?action=settings.calendar" data-testid="calendar-history">
                <Button icon={<AuditOutlined />}>{t('calendar.history')}</Button>
              </Link>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="calendar-add">
              {t('calendar.add')}
            </Button>
          </>
        )}
        extra={() => (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <CalendarReminder onEnter={(y) => setEditing({ year: y })} reloadKey={changed} />
            <Alert type="info" showIcon title={t('calendar.intro')} />
          </Space>
        )}
        columns={[
          { key: 'year', title: 'calendar.col.year', dataIndex: 'year', width: 90, fixedShown: true, render: (y: number) => <Typography.Text strong>{y}</Typography.Text> },
          {
            key: 'source', title: 'calendar.col.source', dataIndex: 'source', width: 200,
            render: (s: CalendarYearRow['source'], r) => <Tag color={SOURCE_COLOR[s]} data-testid={`calendar-source-${r.year}`}>{t(`calendar.source.${s}`)}</Tag>,
          },
          {
            key: 'holidays', title: 'calendar.col.holidays', dataIndex: 'holidays',
            render: (d: string[], r) => (
              <Space orientation="vertical" size={0} data-testid={`calendar-holidays-${r.year}`}>
                <Typography.Text>{r.source === 'weekdays_only' ? t('calendar.statutoryOnly') : ''}{d.length ? <Runs dates={d} /> : t('calendar.none')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('calendar.days', { n: d.length })}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'workdays', title: 'calendar.col.workdays', dataIndex: 'workdays', width: 260,
            render: (d: string[], r) => <Typography.Text data-testid={`calendar-workdays-${r.year}`}>{d.length ? <Runs dates={d} /> : t('calendar.none')}</Typography.Text>,
          },
          {
            key: 'actions', title: 'common.actions', width: 100, fixed: 'right', fixedShown: true,
            render: (_: unknown, r) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ row: r })} data-testid={`calendar-edit-${r.year}`}>
                {t(r.source === 'weekdays_only' ? 'calendar.enter' : 'calendar.correct')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<FormValues>
        open={!!editing}
        testId="calendar-form"
        width={640}
        title={year ? t('calendar.form.title', { year }) : t('calendar.form.titleNew')}
        fields={fields}
        intro={statutory ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.field.statutory', { dates: runsText(statutory) })} /> : undefined}
        initialValues={editing?.row
          ? { year: editing.row.year, holidays: formText(editing.row.holidays), workdays: formText(editing.row.workdays) }
          : { year: editing?.year }}
        confirm={(v) => t('calendar.confirm', { year: v.year })}
        onSubmit={save}
        onClose={() => setEditing(null)}
        onDone={(r) => {
          const out = r as Awaited<ReturnType<typeof save>>;
          const checked = out.recomputed.reduce((n, x) => n + x.checked, 0);
          const moved = out.recomputed.reduce((n, x) => n + x.changed, 0);
          void message.success(t('calendar.saved', { year: out.year.year, checked, changed: moved }));
          setEditing(null);
          setChanged((n) => n + 1);
        }}
      />
    </>
  );
}
