/**
 * Training, skill certificates and mentoring (技能培训、人人持证、师带徒, docs/achievement.md): courses
 * online or offline with sign-up and attendance; skill certificates by level (初级工 … 高级技师) with a
 * number anyone can verify (public, rate-limited, masked name only); 师带徒 pairs with goals and
 * results; the coverage figure (members certified, by district and by sector); a member's record on
 * the worker portal.
 */
import { z } from 'zod';
import { COURSE_MODES, ENROLMENT_STATUSES, MENTORING_STATUSES, SKILL_LEVELS } from '../training-vocab.js';
import { SECTORS } from '../competition-vocab.js';
import {
  endpoints,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  cappedPageOf,
  requiredText,
  version,
  type RateLimit,
} from './kit.js';

const optUuid = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);
const level = z.enum(SKILL_LEVELS, { error: '职业技能等级不存在（初级工、中级工、高级工、技师、高级技师）/ unknown skill level' });

const courseFields = {
  orgId: z.uuid('请选择举办工会 / choose the union'),
  title: requiredText(120, '请填写培训名称', 'title is required'),
  mode: z.enum(COURSE_MODES, { error: '培训方式应为线上或线下 / online or offline' }),
  trade: requiredText(60, '请填写工种', 'trade is required'),
  sector: z.enum(SECTORS),
  startsOn: isoDate,
  endsOn: isoDate,
  hours: z.number().int().min(1, { error: '学时至少为1 / at least 1 hour' }).max(2000),
  capacity: z.number().int().min(1).max(100_000),
  place: optionalText(200),
};
/** A list's query: paging, a text search, the list's own filters, the union (with those below), a sort (the first by default, newest first). */
export function listQuery<F extends z.ZodRawShape, const S extends readonly [string, ...string[]]>(filters: F, sorts: S) {
  return z.strictObject({
    ...PageQuery,
    q: z.string().trim().max(40).optional(),
    ...filters,
    under: z.uuid().optional(),
    sort: z.enum(sorts).default(sorts[0] as never),
    order: order('desc'),
  });
}

const datesInOrder = (b: { startsOn: string; endsOn: string }) => b.endsOn >= b.startsOn;
const datesMsg = { error: '结束日期不能早于开始日期 / the end is before the start', path: ['endsOn'] };
export const CourseBody = z.strictObject(courseFields).refine(datesInOrder, datesMsg);
export const CourseUpdateBody = z.strictObject({ ...courseFields, version }).refine(datesInOrder, datesMsg);
export const CourseListQuery = listQuery({ mode: z.enum(COURSE_MODES).optional(), sector: z.enum(SECTORS).optional() }, ['startsOn', 'title']);
export const Course = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  mode: z.string(),
  trade: z.string(),
  sector: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  capacity: z.number(),
  place: z.string().nullable(),
  enrolled: z.number(),
  attended: z.number(),
  version: z.number(),
});
export const Enrolment = z.object({ id: z.string(), memberId: z.string(), name: z.string(), status: z.string(), updatedAt: z.string() });
export const CourseDetail = Course.extend({ enrolments: z.array(Enrolment), can: z.object({ edit: z.boolean() }) });
export const EnrolBody = z.strictObject({ memberId: z.uuid('请选择会员 / choose a member') });
export const AttendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ enrolmentId: z.uuid(), status: z.enum(ENROLMENT_STATUSES) }))
    .min(1)
    .max(500),
});

export const CertificateBody = z.strictObject({
  orgId: z.uuid('请选择所在工会 / choose the union'),
  memberId: optUuid,
  name: requiredText(60, '请填写持证人', 'holder is required'),
  level,
  trade: requiredText(60, '请填写职业（工种）', 'trade is required'),
  sector: z.enum(SECTORS),
  issuedOn: isoDate,
  issuer: requiredText(120, '请填写发证机构', 'issuer is required'),
  /** Left empty, the platform numbers it (ZS + year + 7 digits). */
  certNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, { error: '证书编号为6-40位字母、数字或连字符 / 6-40 letters, digits or hyphens' })
    .nullish()
    // Stored in capitals: the public check finds a number however it is typed.
    .transform((v) => v?.toUpperCase() ?? null),
});
export const CertificateListQuery = listQuery({ level: level.optional(), sector: z.enum(SECTORS).optional(), memberId: z.uuid().optional() }, [
  'issuedOn',
  'name',
]);
export const Certificate = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  trade: z.string(),
  sector: z.string(),
  certNo: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  version: z.number(),
});
/** What the public verification shows: a masked name, the level, the trade and the date. Never an ID number or phone. */
export const CertificateCheck = z.object({
  valid: z.boolean(),
  certNo: z.string(),
  nameMasked: z.string().nullable(),
  level: z.string().nullable(),
  trade: z.string().nullable(),
  issuedOn: z.string().nullable(),
});

const mentoringFields = {
  orgId: z.uuid('请选择所在工会 / choose the union'),
  mentorName: requiredText(60, '请填写师傅', 'mentor is required'),
  mentorMemberId: optUuid,
  apprenticeName: requiredText(60, '请填写徒弟', 'apprentice is required'),
  apprenticeMemberId: optUuid,
  trade: requiredText(60, '请填写工种', 'trade is required'),
  startsOn: isoDate,
  endsOn: isoDate,
  goals: requiredText(1000, '请填写带徒目标', 'goals are required'),
};
export const MentoringBody = z.strictObject(mentoringFields).refine(datesInOrder, datesMsg);
export const MentoringResultBody = z.strictObject({
  status: z.enum(['completed', 'ended']),
  result: requiredText(1000, '请填写带徒成效', 'the result is required'),
  apprenticeLevel: level.nullish().transform((v) => v ?? null),
  version,
});
export const MentoringListQuery = listQuery({ status: z.enum(MENTORING_STATUSES).optional() }, ['startsOn']);
export const Mentoring = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  mentorName: z.string(),
  mentorMemberId: z.string().nullable(),
  apprenticeName: z.string(),
  apprenticeMemberId: z.string().nullable(),
  trade: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  goals: z.string(),
  status: z.string(),
  result: z.string().nullable(),
  apprenticeLevel: z.string().nullable(),
  version: z.number(),
});

const Count = z.object({ key: z.string(), n: z.number() });
export const Coverage = z.object({
  members: z.number(),
  certified: z.number(),
  byDistrict: z.array(z.object({ id: z.string(), name: z.string(), members: z.number(), certified: z.number() })),
  bySector: z.array(Count),
  byLevel: z.array(Count),
});
export const TrainingFigures = z.object({
  courses: z.number(),
  enrolments: z.number(),
  attended: z.number(),
  certificates: z.number(),
  certifiedMembers: z.number(),
  members: z.number(),
  mentoringActive: z.number(),
  mentoringCompleted: z.number(),
});
export const MyTraining = z.object({
  linked: z.boolean(),
  courses: z.array(z.object({ id: z.string(), title: z.string(), mode: z.string(), startsOn: z.string(), hours: z.number(), status: z.string() })),
  certificates: z.array(z.object({ certNo: z.string(), level: z.string(), trade: z.string(), issuedOn: z.string(), issuer: z.string() })),
  mentoring: z.array(
    z.object({
      role: z.enum(['mentor', 'apprentice']),
      other: z.string(),
      trade: z.string(),
      startsOn: z.string(),
      status: z.string(),
      goals: z.string(),
      result: z.string().nullable(),
    }),
  ),
  hours: z.number(),
});

const VERIFY_LIMIT: RateLimit = { bucket: 'training.verify', limit: 30, windowMs: 600_000 };
const PORTAL_READ: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };

export const trainingApi = endpoints('技能培训 training', {
  courses: {
    method: 'GET',
    path: '/api/training/courses',
    access: 'training.read',
    summary: '培训班（管辖范围内）/ courses in scope',
    query: CourseListQuery,
    response: cappedPageOf(Course),
  },
  createCourse: {
    method: 'POST',
    path: '/api/training/courses',
    access: 'training.write',
    summary: '开设培训班 / create a course',
    body: CourseBody,
    response: Course,
    status: 201,
  },
  course: {
    method: 'GET',
    path: '/api/training/courses/:id',
    access: 'training.read',
    summary: '培训班详情和报名名单 / a course with its sign-ups',
    params: IdParams,
    response: CourseDetail,
  },
  courseHistory: {
    method: 'GET',
    path: '/api/training/courses/:id/history',
    access: 'training.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  updateCourse: {
    method: 'PUT',
    path: '/api/training/courses/:id',
    access: 'training.write',
    summary: '修改培训班 / edit a course',
    params: IdParams,
    body: CourseUpdateBody,
    response: Course,
  },
  enrol: {
    method: 'POST',
    path: '/api/training/courses/:id/enrolments',
    access: 'training.write',
    summary: '报名（会员）/ sign a member up',
    params: IdParams,
    body: EnrolBody,
    response: Enrolment,
    status: 201,
  },
  attendance: {
    method: 'POST',
    path: '/api/training/courses/:id/attendance',
    access: 'training.write',
    summary: '登记考勤 / record attendance',
    params: IdParams,
    body: AttendanceBody,
    response: z.object({ updated: z.number() }),
  },
  certificates: {
    method: 'GET',
    path: '/api/training/certificates',
    access: 'training.read',
    summary: '职业技能等级证书（管辖范围内）/ skill certificates in scope',
    query: CertificateListQuery,
    response: cappedPageOf(Certificate),
  },
  createCertificate: {
    method: 'POST',
    path: '/api/training/certificates',
    access: 'training.write',
    summary: '登记证书 / record a certificate',
    body: CertificateBody,
    response: Certificate,
    status: 201,
  },
  certificate: {
    method: 'GET',
    path: '/api/training/certificates/:id',
    access: 'training.read',
    summary: '证书详情 / a certificate',
    params: IdParams,
    response: Certificate,
  },
  mentoring: {
    method: 'GET',
    path: '/api/training/mentoring',
    access: 'training.read',
    summary: '师带徒（管辖范围内）/ mentoring pairs in scope',
    query: MentoringListQuery,
    response: cappedPageOf(Mentoring),
  },
  createMentoring: {
    method: 'POST',
    path: '/api/training/mentoring',
    access: 'training.write',
    summary: '结对 / pair a mentor and an apprentice',
    body: MentoringBody,
    response: Mentoring,
    status: 201,
  },
  mentoringResult: {
    method: 'POST',
    path: '/api/training/mentoring/:id/result',
    access: 'training.write',
    summary: '登记带徒成效（出师或终止）/ record the result',
    params: IdParams,
    body: MentoringResultBody,
    response: Mentoring,
  },
  coverage: {
    method: 'GET',
    path: '/api/training/coverage',
    access: 'training.read',
    summary: '持证覆盖：持证会员数，按区和行业 / members certified, by district and sector',
    response: Coverage,
  },
  dashboard: { method: 'GET', path: '/api/training/dashboard', access: 'training.read', summary: '技能培训概况 / figures', response: TrainingFigures },
  verify: {
    method: 'GET',
    path: '/api/public/certificates/:certNo',
    access: 'public',
    summary: '证书查验（无需登录；只显示姓名（遮蔽）、等级、职业和发证日期）/ verify a certificate (public)',
    params: z.strictObject({ certNo: z.string().trim().min(1).max(40) }),
    response: CertificateCheck,
    rateLimit: VERIFY_LIMIT,
  },
  mine: {
    method: 'GET',
    path: '/api/portal/training',
    access: 'public',
    summary: '我的培训、证书和师带徒（职工本人）/ my training record (worker)',
    response: MyTraining,
    rateLimit: PORTAL_READ,
  },
});

export type CourseInput = z.infer<typeof CourseBody>;
export type CourseListParams = z.infer<typeof CourseListQuery>;
export type CertificateInput = z.infer<typeof CertificateBody>;
export type CertificateListParams = z.infer<typeof CertificateListQuery>;
export type MentoringInput = z.infer<typeof MentoringBody>;
export type MentoringListParams = z.infer<typeof MentoringListQuery>;
export type CourseDetail = z.infer<typeof CourseDetail>;
export type MyTraining = z.infer<typeof MyTraining>;
