import { Segmented } from 'antd';
import { useI18n, type Lang } from '../../i18n';

/** 中文 / English switch; the choice is kept in localStorage. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      aria-label={t('layout.language')}
      data-testid="lang-switch"
      options={[
        { label: <span data-testid="lang-zh">中文</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">EN</span>, value: 'en-US' },
      ]}
    />
  );
}
