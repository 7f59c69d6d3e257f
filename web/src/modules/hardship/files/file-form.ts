import type { z } from 'zod';
import type { FileDetail } from '../../../../../common/src/contracts/hardship-files';
import type { HardshipFieldsInput } from '../../../../../common/src/hardship-input';
import { todayInChina } from '../../../kit';
import { netAnnualFen, perCapitaMonthlyFen } from '../../../../../common/src/hardship-tier';

type Fields = z.input<typeof HardshipFieldsInput>;
type Member = NonNullable<Fields['household']>[number];

/** The date format of the aid form's date pickers (files/AidModal.tsx). */
export const DATE = 'YYYY-MM-DD';

/** A household member as the form holds it: the stored member's masked ID number shows beside a blank input. */
export type HouseholdRow = Partial<Member> & { idNumber?: string | null; idMasked?: string | null };

/**
 * The archive form's values: the API's field names (money in fen, dates as YYYY-MM-DD, as the kit's
 * inputs hold them), plus the worker's identifiers, the union and the discovery visit.
 */
export type FileFormValues = Partial<Omit<Fields, 'household'>> & {
  household?: HouseholdRow[];
  orgId?: string;
  origin?: 'discovery' | 'application';
  idNumber?: string;
  mobile?: string;
  withVisit?: boolean;
  visitedOn?: string | null;
  visitor?: string;
  findings?: string;
};

/** The archive form's fields (common/src/hardship-input.ts HardshipFieldsInput), in the order the API takes them. */
const FIELDS = [
  'name', 'address', 'employerName', 'health', 'disability', 'employmentStatus', 'housing', 'industry', 'maritalStatus', 'hukouType', 'singleParent',
  'zeroEmployment', 'monthlyIncomeFen', 'annualIncomeFen', 'rigidMedicalFen', 'rigidSchoolingFen', 'accidentCostFen', 'disaster', 'disasterOn',
  'workAccident', 'migrantWorker', 'cityWorkSince', 'mainCause', 'otherCauses', 'regionCode',
] as const satisfies readonly (keyof Fields)[];
const MONEY = ['monthlyIncomeFen', 'annualIncomeFen', 'rigidMedicalFen', 'rigidSchoolingFen', 'accidentCostFen'] as const;

export function defaultsForCreate(): FileFormValues {
  return {
    origin: 'discovery', disability: 'none', hukouType: 'urban', singleParent: false, zeroEmployment: false, disaster: false, workAccident: false,
    migrantWorker: false, otherCauses: [], household: [], withVisit: true, visitedOn: todayInChina(),
  };
}

export function valuesOfFile(f: FileDetail, revealed: { idNumber: string; mobile: string | null } | null): FileFormValues {
  return {
    ...(Object.fromEntries(FIELDS.map((k) => [k, f[k] ?? undefined])) as FileFormValues),
    idNumber: revealed?.idNumber ?? '',
    mobile: revealed?.mobile ?? '',
    household: f.household.map((m) => ({
      id: m.id, name: m.name, relationship: m.relationship as HouseholdRow['relationship'], idNumber: '', idMasked: m.idMasked, health: m.health as HouseholdRow['health'],
      employmentStatus: m.employmentStatus as HouseholdRow['employmentStatus'], annualIncomeFen: m.annualIncomeFen,
    })),
  };
}

/** The form's values as the API's `fields`. A blank member ID number keeps the stored one of a stored member, and means none for a new one. */
export function fieldsOf(v: FileFormValues): Fields {
  const out = Object.fromEntries(FIELDS.map((k) => [k, v[k] ?? null])) as Record<string, unknown>;
  for (const k of MONEY) out[k] = v[k] ?? 0;
  out.disaster = !!v.disaster;
  out.disasterOn = v.disaster ? (v.disasterOn ?? null) : null;
  out.migrantWorker = !!v.migrantWorker;
  out.cityWorkSince = v.migrantWorker ? (v.cityWorkSince ?? null) : null;
  out.otherCauses = (v.otherCauses ?? []).filter((c) => c !== v.mainCause);
  for (const k of ['singleParent', 'zeroEmployment', 'workAccident'] as const) out[k] = !!v[k];
  out.household = (v.household ?? []).map(({ idMasked: _m, idNumber, ...m }) => {
    const id = idNumber?.trim();
    return { ...m, annualIncomeFen: m.annualIncomeFen ?? 0, ...(id ? { idNumber: id } : m.id ? {} : { idNumber: null }) };
  });
  return out as Fields;
}

/**
 * Per-person monthly income in fen from the form, shown while typing: the formula of
 * common/src/hardship-tier.ts (the worker and the listed members make the household); the server
 * computes the tier.
 */
export function estimatePerCapitaFen(v: FileFormValues): number | null {
  if (v.annualIncomeFen == null) return null;
  const net = netAnnualFen({ annualIncomeFen: v.annualIncomeFen, rigidMedicalFen: v.rigidMedicalFen ?? 0, rigidSchoolingFen: v.rigidSchoolingFen ?? 0 });
  return perCapitaMonthlyFen(net, 1 + (v.household?.length ?? 0));
}

/** The worker's and the members' incomes (fen a year), which the household income should cover. */
export const incomesOf = (v: FileFormValues) => (v.monthlyIncomeFen ?? 0) * 12 + (v.household ?? []).reduce((s, m) => s + (m?.annualIncomeFen ?? 0), 0);
