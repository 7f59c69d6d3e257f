import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import { systemApi } from '../../../../common/src/contracts/system';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';

/**
 * The reminder to enter next year's holiday arrangement, from 1 November (or the current year's,
 * when it is still missing): shown to administrators who may enter it, on the dashboard and on the
 * calendar page. `onEnter` opens the form in place; without it the button leads to the page.
 */
export function CalendarReminder({ onEnter, reloadKey }: { onEnter?: (year: number) => void; reloadKey?: unknown }) {
  const { t } = useI18n();
  // A reminder that cannot load is no reason to trouble the page: it stays silent.
  const { data } = useRequest(() => call(systemApi.calendarReminder), [reloadKey]);
  if (!data?.year) return null;
  const year = data.year;
  const go = onEnter
    ? <Button size="small" type="primary" onClick={() => onEnter(year)} data-testid="calendar-reminder-go">{t('calendar.reminderGo')}</Button>
    : <Link to="/system/calendar" data-testid="calendar-reminder-go"><Button size="small" type="primary">{t('calendar.reminderGo')}</Button></Link>;
  return (
    <Alert
      type={data.late ? 'error' : 'warning'}
      showIcon
      data-testid="calendar-reminder"
      title={t('calendar.reminder', { year })}
      description={t(data.late ? 'calendar.reminderLate' : 'calendar.reminderText', { year })}
      action={go}
      style={{ marginBottom: 16 }}
    />
  );
}
