/** The Data view: respondents × variables as a scrolling grid with sort and filters. */
import { defineNamespace } from '../defineNamespace';

const data = defineNamespace({
  en: {
    title: 'Data',
    gridLabel: 'Respondents',
    respondent: 'Respondent',
    rowTitle: 'Row {{number}} of the study',
    filter: 'Filter',
    filterPlaceholder: 'e.g. country = "DE" and age >= 30',
    filterHelp:
      'An expression, as in Variables › Define (docs/expressions.md), or a saved filter’s name',
    filterInvalid: 'The filter is not applied: {{message}}',
    labels: 'Value labels',
    labelsHint: 'Show answers as their labels; off shows the codes',
    identifying: 'Show identifying variables',
    identifyingHint: 'Names, e-mail addresses and phone numbers are hidden unless shown here',
    count_one: '{{shown}} of {{total}} respondent',
    count_other: '{{shown}} of {{total}} respondents',
    loading: 'Loading…',
    noColumns: 'The study has no variables yet: import a source first.',
    tooManyRows:
      'The grid scrolls through the first {{rows}} rows; filter, or sort (descending for the last rows), to reach the others.',
    sortBy: 'Sort by {{name}}',
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',
    filterColumn: 'Filter by {{name}}',
    columnFilter: {
      title: 'Filter {{name}}',
      keep: 'Keep respondents whose answer is',
      from: 'From',
      to: 'To',
      apply: 'Apply',
      remove: 'Remove filter',
      removeOne: 'Remove filter on {{name}}',
      active: 'Column filters',
      codes: '{{name}}: {{values}}',
      range: '{{name}}: {{from}} to {{to}}',
      open: 'any',
    },
  },
  ko: {
    title: '데이터',
    gridLabel: '응답자',
    respondent: '응답자',
    rowTitle: '스터디의 {{number}}번째 행',
    filter: '필터',
    filterPlaceholder: '예: country = "DE" and age >= 30',
    filterHelp: '변수 › 정의와 같은 식(docs/expressions.md) 또는 저장된 필터 이름',
    filterInvalid: '필터가 적용되지 않았습니다: {{message}}',
    labels: '값 레이블',
    labelsHint: '응답을 레이블로 표시합니다. 끄면 코드가 표시됩니다',
    identifying: '식별 변수 표시',
    identifyingHint: '이름, 이메일 주소, 전화번호는 여기서 표시하기 전까지 숨겨집니다',
    count_other: '응답자 {{total}}명 중 {{shown}}명',
    loading: '불러오는 중…',
    noColumns: '스터디에 아직 변수가 없습니다. 먼저 소스를 가져오세요.',
    tooManyRows:
      '표는 처음 {{rows}}개 행까지 스크롤됩니다. 나머지 행은 필터를 걸거나 정렬(마지막 행은 내림차순)해서 보세요.',
    sortBy: '{{name}} 기준 정렬',
    sortedAscending: '오름차순 정렬됨',
    sortedDescending: '내림차순 정렬됨',
    filterColumn: '{{name}} 필터',
    columnFilter: {
      title: '{{name}} 필터',
      keep: '다음 응답을 한 응답자만 남기기',
      from: '최소',
      to: '최대',
      apply: '적용',
      remove: '필터 제거',
      removeOne: '{{name}} 필터 제거',
      active: '열 필터',
      codes: '{{name}}: {{values}}',
      range: '{{name}}: {{from}}~{{to}}',
      open: '제한 없음',
    },
  },
});
export default data;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    data: typeof data.en;
  }
}
