/** The Help panel: the shortcuts' descriptions and a short "how to" for each view. */
import { defineNamespace } from '../defineNamespace';

const help = defineNamespace({
  en: {
    title: 'Help',
    close: 'Close help',
    shortcutsHeading: 'Keyboard shortcuts',
    keysColumn: 'Keys',
    actionColumn: 'Action',
    thisView: 'This view: {{view}}',
    otherViews: 'The other views',
    browserNote:
      'In a web browser on Linux, Alt+digit may switch browser tabs instead; use the navigator there.',
    groups: {
      app: 'Anywhere',
      views: 'Switch view',
      welcome: 'Welcome screen',
      study: 'Study',
    },
    shortcuts: {
      help: 'Open this help',
      closeHelp: 'Close this help',
      view: 'Go to {{view}}',
      openDemo: 'Open the demo study',
      closeStudy: 'Close the study',
      dismiss: 'Dismiss the message',
    },
    howTo: {
      welcome:
        'Create a study (one .cew file), open one from disk or the recent list, or open the demo study to look around. Choose the interface language and theme at the top right.',
      sources:
        'Every imported survey file with its country, wave and validation. Import a wave: choose a file, check the proposed mapping onto the study codebook, then import. Export the respondents as SPSS, CSV or Excel.',
      variables:
        'The study codebook: names, labels, codes and types. Derive new variables and group multiple-response items.',
      data: 'The respondents as a grid, one column per variable; filter and look up single cases.',
      weights:
        'Set targets for the weighting variables (rim weighting), compute a weight and check the efficiency and the range of the factors.',
      segments:
        'Build a segmentation from rules or clusters, watch the live counts, and save it as a variable for tables.',
      tables:
        'Drag variables to rows and columns for a cross-table with bases, percentages and significance letters. Ctrl+Shift+C copies the table.',
      charts: 'Chart a table: choose a chart type and colours; the same chart goes into exports.',
      compare: 'Put countries or waves side by side for the same table.',
      sideBySide: 'Put countries or waves side by side for the same table.',
      reports: 'Collect tables and charts into a report and export slides or PDF.',
      overview: 'What the study holds: its file, schema, respondents and sources.',
    },
  },
  ko: {
    title: '도움말',
    close: '도움말 닫기',
    shortcutsHeading: '단축키',
    keysColumn: '키',
    actionColumn: '동작',
    thisView: '현재 화면: {{view}}',
    otherViews: '다른 화면',
    browserNote:
      'Linux의 웹 브라우저에서는 Alt+숫자가 브라우저 탭 전환에 쓰일 수 있습니다. 이때는 왼쪽 탐색 메뉴를 사용하세요.',
    groups: {
      app: '모든 화면',
      views: '화면 전환',
      welcome: '시작 화면',
      study: '스터디',
    },
    shortcuts: {
      help: '도움말 열기',
      closeHelp: '도움말 닫기',
      view: '{{view}} 화면으로 이동',
      openDemo: '데모 스터디 열기',
      closeStudy: '스터디 닫기',
      dismiss: '알림 닫기',
    },
    howTo: {
      welcome:
        '스터디(.cew 파일 하나)를 새로 만들거나, 디스크나 최근 목록에서 열거나, 데모 스터디로 기능을 둘러보세요. 화면 언어와 테마는 오른쪽 위에서 고릅니다.',
      sources:
        '가져온 모든 설문 파일과 국가, 웨이브, 검증 결과를 보여 줍니다. 웨이브를 가져오려면 파일을 고르고, 스터디 코드북에 맞춘 매핑 제안을 확인한 뒤 가져오기를 누르세요. 응답자 데이터는 SPSS, CSV, Excel로 내보낼 수 있습니다.',
      variables:
        '스터디 코드북(변수 이름, 레이블, 코드, 유형)입니다. 파생 변수를 만들고 복수 응답 문항을 묶을 수 있습니다.',
      data: '응답자 데이터를 변수별 열로 된 표로 봅니다. 필터를 걸고 개별 응답을 찾아볼 수 있습니다.',
      weights:
        '가중 변수별 목표 비율을 정하고(림 가중) 가중치를 계산한 뒤, 효율과 가중 계수의 범위를 확인하세요.',
      segments:
        '규칙이나 군집 분석으로 세그먼트를 만들고 실시간 인원수를 확인한 뒤, 교차표에 쓸 변수로 저장하세요.',
      tables:
        '변수를 행과 열로 끌어다 놓으면 베이스, 백분율, 유의성 문자가 포함된 교차표가 만들어집니다. Ctrl+Shift+C로 표를 복사합니다.',
      charts: '표를 차트로 만듭니다. 차트 유형과 색상을 고르면 같은 차트가 내보내기에도 쓰입니다.',
      compare: '같은 표를 국가별 또는 웨이브별로 나란히 비교합니다.',
      sideBySide: '같은 표를 국가별 또는 웨이브별로 나란히 비교합니다.',
      reports: '표와 차트를 보고서로 모아 슬라이드나 PDF로 내보냅니다.',
      overview: '스터디 파일, 스키마, 응답자, 소스 등 스터디의 구성을 보여 줍니다.',
    },
  },
});
export default help;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    help: typeof help.en;
  }
}
