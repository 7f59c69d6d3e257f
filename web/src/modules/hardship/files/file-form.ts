import dayjs, { type Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import type { FileDetail, HardshipFieldsInput, HouseholdMemberInput } from '../../../api/hardship-files';
import { splitBilingual, type Lang } from '../../../i18n';
import { toFen } from '../shared/vocab';

/** The archive form's values as the antd Form holds them: money in yuan, dates as dayjs. */
export interface HouseholdRow {
  id?: string;
  name?: string;
  relationship?: string;
  idNumber?: string;
  idMasked?: string | null;
  health?: string;
  employmentStatus?: string;
  annualIncome?: number | null;
}
export interface FileFormValues {
  orgId?: string;
  origin?: 'discovery' | 'application';
  idNumber?: string;
  mobile?: string;
  name?: string;
  address?: string;
  employerName?: string;
  health?: string;
  disability?: string;
  employmentStatus?: string;
  housing?: string | null;
  industry?: string;
  maritalStatus?: string | null;
  hukouType?: string;
  singleParent?: boolean;
  zeroEmployment?: boolean;
  monthlyIncome?: number | null;
  annualIncome?: number | null;
  rigidMedical?: number | null;
  rigidSchooling?: number | null;
  accidentCost?: number | null;
  mainCause?: string;
  otherCauses?: string[];
  disaster?: boolean;
  disasterOn?: Dayjs | null;
  workAccident?: boolean;
  migrantWorker?: boolean;
  cityWorkSince?: Dayjs | null;
  regionCode?: string;
  household?: HouseholdRow[];
  withVisit?: boolean;
  visitedOn?: Dayjs | null;
  visitor?: string;
  findings?: string;
}

export const DATE = 'YYYY-MM-DD';
const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);
const fen = (y: number | null | undefined) => (y == null ? 0 : toFen(y));
const yuanOf = (f: number) => f / 100;

export function defaultsForCreate(): FileFormValues {
  return {
    origin: 'discovery',
    disability: 'none',
    hukouType: 'urban',
    singleParent: false,
    zeroEmployment: false,
    disaster: false,
    workAccident: false,
    migrantWorker: false,
    otherCauses: [],
    household: [],
    withVisit: true,
    visitedOn: dayjs(),
  };
}

export function valuesOfFile(f: FileDetail): FileFormValues {
  return {
    name: f.name,
    address: f.address ?? undefined,
    employerName: f.employerName ?? undefined,
    health: f.health,
    disability: f.disability,
    employmentStatus: f.employmentStatus,
    housing: f.housing,
    industry: f.industry ?? undefined,
    maritalStatus: f.maritalStatus,
    hukouType: f.hukouType,
    singleParent: f.singleParent,
    zeroEmployment: f.zeroEmployment,
    monthlyIncome: yuanOf(f.monthlyIncomeFen),
    annualIncome: yuanOf(f.annualIncomeFen),
    rigidMedical: yuanOf(f.rigidMedicalFen),
    rigidSchooling: yuanOf(f.rigidSchoolingFen),
    accidentCost: yuanOf(f.accidentCostFen),
    mainCause: f.mainCause,
    otherCauses: f.otherCauses,
    disaster: f.disaster,
    disasterOn: f.disasterOn ? dayjs(f.disasterOn, DATE) : null,
    workAccident: f.workAccident,
    migrantWorker: f.migrantWorker,
    cityWorkSince: f.cityWorkSince ? dayjs(f.cityWorkSince, DATE) : null,
    regionCode: f.regionCode,
    household: f.household.map((m) => ({
      id: m.id, name: m.name, relationship: m.relationship, idNumber: '', idMasked: m.idMasked, health: m.health, employmentStatus: m.employmentStatus, annualIncome: yuanOf(m.annualIncomeFen),
    })),
  };
}

/** The form's values as HardshipFieldsInput (fen, ISO dates). On an edit a blank member ID number keeps the stored one. */
export function fieldsOf(v: FileFormValues): HardshipFieldsInput {
  const household: HouseholdMemberInput[] = (v.household ?? []).map((m) => {
    const id = text(m.idNumber);
    return {
      ...(m.id ? { id: m.id } : {}),
      name: (m.name ?? '').trim(),
      relationship: m.relationship!,
      // undefined keeps a stored member's ID number; null means none.
      ...(id ? { idNumber: id } : m.id ? {} : { idNumber: null }),
      health: m.health!,
      employmentStatus: m.employmentStatus!,
      annualIncomeFen: fen(m.annualIncome),
    };
  });
  return {
    name: (v.name ?? '').trim(),
    address: text(v.address),
    employerName: text(v.employerName),
    health: v.health!,
    disability: v.disability ?? 'none',
    employmentStatus: v.employmentStatus!,
    housing: v.housing ?? null,
    industry: text(v.industry),
    maritalStatus: v.maritalStatus ?? null,
    hukouType: v.hukouType!,
    singleParent: !!v.singleParent,
    zeroEmployment: !!v.zeroEmployment,
    monthlyIncomeFen: fen(v.monthlyIncome),
    annualIncomeFen: fen(v.annualIncome),
    rigidMedicalFen: fen(v.rigidMedical),
    rigidSchoolingFen: fen(v.rigidSchooling),
    accidentCostFen: fen(v.accidentCost),
    disaster: !!v.disaster,
    disasterOn: v.disaster && v.disasterOn ? v.disasterOn.format(DATE) : null,
    workAccident: !!v.workAccident,
    migrantWorker: !!v.migrantWorker,
    cityWorkSince: v.migrantWorker && v.cityWorkSince ? v.cityWorkSince.format(DATE) : null,
    mainCause: v.mainCause!,
    otherCauses: (v.otherCauses ?? []).filter((c) => c !== v.mainCause),
    regionCode: text(v.regionCode),
    household,
  };
}

/** Per-person monthly income in fen from the form (an estimate shown while typing; the server decides). */
export function estimatePerCapitaFen(v: FileFormValues): number | null {
  if (v.annualIncome == null) return null;
  const size = 1 + (v.household?.length ?? 0);
  const net = Math.max(0, fen(v.annualIncome) - fen(v.rigidMedical) - fen(v.rigidSchooling));
  return Math.floor(net / 12 / size);
}

const FEN_FIELDS: Record<string, string> = {
  monthlyIncomeFen: 'monthlyIncome', annualIncomeFen: 'annualIncome', rigidMedicalFen: 'rigidMedical', rigidSchoolingFen: 'rigidSchooling', accidentCostFen: 'accidentCost',
};

/**
 * Put the server's field problems (paths like "body.fields.household.1.idNumber") on the form's
 * fields, including household rows. True when at least one was placed.
 */
export function placeFileIssues(form: FormInstance, e: unknown, lang: Lang): boolean {
  if (!(e instanceof ApiError)) return false;
  const msg = (zh: string, en?: string) => splitBilingual(lang === 'zh-CN' ? zh : (en ?? zh), lang);
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  if (e.code === 'HARDSHIP_FILE_EXISTS') placed.push({ name: ['idNumber'], errors: [msg(e.messageZh, e.messageEn)] });
  for (const f of e.fieldIssues) {
    const seg = f.path.split('.').filter((p) => p !== 'body');
    const rest = seg[0] === 'fields' ? seg.slice(1) : seg;
    if (!rest.length) continue;
    let name: (string | number)[];
    if (rest[0] === 'household' && rest.length >= 3) name = ['household', Number(rest[1]), FEN_FIELDS[rest[2]!] ?? (rest[2] === 'annualIncomeFen' ? 'annualIncome' : rest[2]!)];
    else if (rest[0] === 'visit' && rest[1]) name = [rest[1]];
    else name = [FEN_FIELDS[rest[0]!] ?? rest[0]!];
    if (rest[0] === 'household' && rest[2] === 'annualIncomeFen') name[2] = 'annualIncome';
    placed.push({ name, errors: [msg(f.message ?? e.messageZh, f.messageEn ?? e.messageEn)] });
  }
  if (!placed.length) return false;
  form.setFields(placed);
  return true;
}
