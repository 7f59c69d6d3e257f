/** An account's state as tags in the list. */
export const ACCOUNT_STATE = {
  active: { zh: '启用', en: 'Active', color: 'success' },
  inactive: { zh: '已停用', en: 'Deactivated', color: 'default' },
  locked: { zh: '已锁定', en: 'Locked', color: 'error' },
  mustChangePassword: { zh: '待改密码', en: 'Must change password', color: 'warning' },
};

export const ACTIVE_FILTER = { all: { zh: '全部', en: 'All' }, true: ACCOUNT_STATE.active, false: ACCOUNT_STATE.inactive };

