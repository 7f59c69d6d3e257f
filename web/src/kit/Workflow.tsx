import { Steps, Tag, Tooltip } from 'antd';
import type { Machine } from '../../../common/src/workflow';
import type { DayCount } from '../../../common/src/deadlines';
import { useI18n } from '../i18n';
import { todayInChina } from './format';

/** The main path of a declared workflow as steps, the record's state highlighted; a state off the path (rejected …) ends it. */
export function WorkflowSteps({ machine, status, testId }: { machine: Machine; status: string; testId?: string }) {
  const { pick } = useI18n();
  const at = machine.path.indexOf(status);
  const off = at < 0;
  const st = machine.states[status];
  return (
    <Steps
      size="small"
      data-testid={testId}
      current={off ? machine.path.length : at}
      status={off ? 'error' : machine.states[status]?.final ? 'finish' : 'process'}
      items={[...machine.path.map((s) => ({ title: pick(machine.states[s]) })), ...(off ? [{ title: pick(st, status) }] : [])]}
    />
  );
}

/** Calendar days between two YYYY-MM-DD dates. */
function calendarDays(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** "暂定" beside a due date counted on a year whose holiday arrangement is not entered yet, with the reason on hover. */
export function ProvisionalTag({ testId }: { testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('kit.deadline.provisionalHint')}>
      <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid={testId}>{t('kit.deadline.provisional')}</Tag>
    </Tooltip>
  );
}

/**
 * A deadline as people read it: "剩余 3 个工作日", "今天到期" or "已逾期 2 天", in the days the rule
 * counts. `left` comes from the server (common/src/deadlines.ts) for working-day rules; calendar
 * rules are counted here. A provisional deadline (its year's holidays not entered yet) says so.
 */
export function DeadlineBadge({ due, unit = 'calendar_days', left, provisional, done, testId }: { due: string | null | undefined; unit?: DayCount; left?: number | null; provisional?: boolean; done?: boolean; testId?: string }) {
  const { t } = useI18n();
  if (!due) return null;
  if (done) return <Tag data-testid={testId}>{due}</Tag>;
  const working = unit === 'working_days';
  const n = left ?? calendarDays(todayInChina(), due);
  const unitText = t(working ? 'kit.unit.working_days' : 'kit.unit.calendar_days');
  const overdue = due < todayInChina();
  const label = overdue ? t('kit.deadline.overdue', { n: Math.abs(n), unit: unitText }) : n === 0 ? t('kit.deadline.today') : t('kit.deadline.left', { n, unit: unitText });
  const color = overdue ? 'red' : n <= 3 ? 'orange' : 'blue';
  return (
    <Tooltip title={`${due}${provisional ? ` · ${t('kit.deadline.provisionalHint')}` : ''}`}>
      <Tag color={color} data-testid={testId} data-overdue={String(overdue)}>
        {label}
        {provisional ? ` (${t('kit.deadline.provisional')})` : ''}
      </Tag>
    </Tooltip>
  );
}
