import { StatusTag, useVocab } from '../../../kit';
import { FORMS } from '../vocab';

/** The employment form: new forms of employment (新就业形态) tagged, standard employment as plain text. */
export function FormTag({ form }: { form: string }) {
  const { label } = useVocab();
  return form === 'standard' ? <span>{label(FORMS, form)}</span> : <StatusTag vocab={FORMS} value={form} />;
}
