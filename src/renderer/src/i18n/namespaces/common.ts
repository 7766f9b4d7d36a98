/** Words and messages the whole app shares: the shell, common buttons, notices. */
import { defineNamespace } from '../defineNamespace';

const common = defineNamespace({
  en: {
    appName: 'Customer Energy Workbench',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    dismiss: 'Dismiss',
    help: 'Help',
    uiLanguage: 'UI language',
    theme: {
      label: 'Theme',
      light: 'Light',
      dark: 'Dark',
      system: 'System',
    },
  },
  ko: {
    appName: 'Customer Energy Workbench',
    cancel: '취소',
    close: '닫기',
    save: '저장',
    dismiss: '닫기',
    help: '도움말',
    uiLanguage: '화면 언어',
    theme: {
      label: '테마',
      light: '라이트',
      dark: '다크',
      system: '시스템 설정',
    },
  },
});
export default common;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    common: typeof common.en;
  }
}
