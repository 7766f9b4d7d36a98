/** The welcome screen: create, open, recent studies, the demo study, the file browser. */
import { defineNamespace } from '../defineNamespace';

const welcome = defineNamespace({
  en: {
    tagline:
      'Turn multi-country survey waves into client-ready findings. Each study is one .cew file on your disk.',
    create: {
      heading: 'Create a study',
      newWithDialog: 'New study…',
      nameLabel: 'Study name',
      namePlaceholder: 'e.g. Customer energy 2026',
      submit: 'Create study',
      foldersLabel: 'Studies folder',
      saveFolder: 'Save folder',
      savedIn: 'Saved in <folder/>',
      changeFolder: 'Change folder',
    },
    open: {
      heading: 'Open a study',
      withDialog: 'Open study…',
      browse: 'Browse for a study…',
      browserLabel: 'Open a study from disk',
    },
    recent: {
      heading: 'Recent studies',
      empty: 'Studies you create or open appear here.',
      listLabel: 'Recent studies',
      open: 'Open {{name}}',
      missing: 'missing',
      remove: 'Remove {{name}} from the recent list',
      removeTitle: 'Remove from the list (the file is not deleted)',
    },
    demo: {
      heading: 'Try the demo study',
      description:
        'Fourteen agency files from Germany, Italy, France and South Korea, waves 2025 and 2026, harmonised onto one codebook. The first time, it is built in the studies folder while you look around.',
      open: 'Open demo study',
      failed: 'The demo study could not be built: {{error}}. Nothing was kept; try again.',
      failedUnknown: 'The demo study could not be built. Try again.',
      unknownError: 'unknown error',
      cancelled: 'Building the demo study was cancelled. Nothing was kept.',
    },
    files: {
      up: '↑ Up',
      upLabel: 'Up one folder',
      listLabel: 'Folders and files',
      emptyStudies: 'No folders or studies here.',
      emptyData: 'No folders or survey files here.',
    },
    preferences: 'Display',
  },
  ko: {
    tagline:
      '여러 국가의 설문 웨이브를 고객에게 바로 전달할 수 있는 분석 결과로 정리합니다. 스터디 하나는 디스크의 .cew 파일 하나입니다.',
    create: {
      heading: '스터디 만들기',
      newWithDialog: '새 스터디…',
      nameLabel: '스터디 이름',
      namePlaceholder: '예: 고객 에너지 2026',
      submit: '스터디 만들기',
      foldersLabel: '스터디 폴더',
      saveFolder: '폴더 저장',
      savedIn: '저장 위치: <folder/>',
      changeFolder: '폴더 변경',
    },
    open: {
      heading: '스터디 열기',
      withDialog: '스터디 열기…',
      browse: '스터디 찾아보기…',
      browserLabel: '디스크에서 스터디 열기',
    },
    recent: {
      heading: '최근 스터디',
      empty: '만들거나 연 스터디가 여기에 표시됩니다.',
      listLabel: '최근 스터디',
      open: '{{name}} 열기',
      missing: '파일 없음',
      remove: '최근 목록에서 {{name}} 제거',
      removeTitle: '목록에서 제거 (파일은 삭제되지 않습니다)',
    },
    demo: {
      heading: '데모 스터디 사용해 보기',
      description:
        '독일, 이탈리아, 프랑스, 한국의 조사기관 파일 14개(2025년·2026년 웨이브)를 하나의 코드북으로 통합했습니다. 처음 열 때는 둘러보는 동안 스터디 폴더에 데모 스터디가 만들어집니다.',
      open: '데모 스터디 열기',
      failed:
        '데모 스터디를 만들지 못했습니다: {{error}}. 아무것도 저장되지 않았으니 다시 시도하세요.',
      failedUnknown: '데모 스터디를 만들지 못했습니다. 다시 시도하세요.',
      unknownError: '알 수 없는 오류',
      cancelled: '데모 스터디 만들기가 취소되었습니다. 아무것도 저장되지 않았습니다.',
    },
    files: {
      up: '↑ 위로',
      upLabel: '상위 폴더로',
      listLabel: '폴더와 파일',
      emptyStudies: '이 위치에는 폴더나 스터디가 없습니다.',
      emptyData: '이 위치에는 폴더나 설문 파일이 없습니다.',
    },
    preferences: '표시',
  },
});
export default welcome;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    welcome: typeof welcome.en;
  }
}
