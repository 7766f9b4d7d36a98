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
    loading: 'Loading…',
    none: '–',
    /** Navigator names by view id; a view whose id is not here shows its own label. */
    views: {
      overview: 'Overview',
      sources: 'Sources',
      variables: 'Variables',
      data: 'Data',
      weights: 'Weights',
      segments: 'Segments',
      tables: 'Tables',
      charts: 'Charts',
      compare: 'Side by side',
      sideBySide: 'Side by side',
      reports: 'Reports',
    },
    navigatorLabel: 'Study views',
    labelLanguage: {
      short: 'Labels',
      label: 'Label language',
      readOnly: 'The label language is kept in the study, which is read-only',
      notTranslated: 'Not translated: shown in {{language}}',
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
    loading: '불러오는 중…',
    none: '–',
    views: {
      overview: '개요',
      sources: '소스',
      variables: '변수',
      data: '데이터',
      weights: '가중치',
      segments: '세그먼트',
      tables: '교차표',
      charts: '차트',
      compare: '나란히 비교',
      sideBySide: '나란히 비교',
      reports: '보고서',
    },
    navigatorLabel: '스터디 화면',
    labelLanguage: {
      short: '레이블',
      label: '레이블 언어',
      readOnly: '레이블 언어는 스터디에 저장되는데, 이 스터디는 읽기 전용입니다',
      notTranslated: '번역 없음: {{language}}로 표시',
    },
  },
});
export default common;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    common: typeof common.en;
  }
}
