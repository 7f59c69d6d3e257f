/** The page kit: every page is assembled from these (docs/architecture.md, "Adding a module"). */
export { ListPage, TwoLines, type ListColumn, type FilterSpec } from './ListPage';
export { DetailPage, Actions, Fields, History, type Action, type Field } from './DetailPage';
export { FormModal, placeFieldErrors } from './FormModal';
export { FormFields, useFieldInput, type FieldSpec, type FieldKind } from './fields';
export { PageHeader, type Crumb } from './PageHeader';
export { OrgPicker, type OrgRef } from './OrgPicker';
export { MemberPicker } from './MemberPicker';
export { IdNumberInput, MobileInput, MoneyInput, DatePicker, DateRangePicker, SensitiveValue, useFormatRule } from './inputs';
export { StatusTag } from './StatusTag';
export { WorkflowSteps, DeadlineBadge } from './Workflow';
export { formatDate, formatDateTime, yuan, toFen, countText, todayInChina } from './format';
export { useText, useVocab, vocabOf, type Text, type Vocab } from './text';
export { download, downloadUrl, fileToBase64 } from './download';
