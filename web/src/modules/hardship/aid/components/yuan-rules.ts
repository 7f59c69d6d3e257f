import type { FormRule } from 'antd';
import type { I18n } from '../../../../i18n';

/** Form rules of a yuan amount typed into an InputNumber: required and above zero. */
export function yuanAmountRules(t: I18n['t']): FormRule[] {
  return [
    { required: true, message: t('hsAid.budget.amountRequired') },
    { validator: (_r, v: number | undefined) => (v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('hsAid.budget.amountPositive')))) },
  ];
}
