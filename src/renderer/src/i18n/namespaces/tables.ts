/** The Tables view (the table builder): zones, options, the table's rows and the comparison. */
import { defineNamespace } from '../defineNamespace';

const tables = defineNamespace({
  en: {
    title: 'Tables',
    variables: 'Variables',
    findVariable: 'Find a variable',
    keyHint:
      'Drag a variable to a zone, or focus it and press R (rows), C (columns) or F (filter).',
    origins: {
      segment: 'Segments',
      derived: 'Derived',
      set: 'Response sets',
      imported: 'Questions',
      weight: 'Weights',
      system: 'System',
    },
    zones: {
      rows: 'Rows',
      columns: 'Columns',
      filter: 'Filter',
      empty: 'Drop variables here',
      remove: 'Remove {{name}} from {{zone}}',
      mean: 'mean',
      zoneLabel: '{{zone}} zone',
    },
    shortcuts: {
      group: 'Tables',
      rows: 'Add the focused variable to the rows',
      columns: 'Add the focused variable to the columns',
      filter: 'Filter by the focused variable’s categories',
      copy: 'Copy the table for Excel',
    },
    picker: {
      title: 'Filter by {{name}}',
      keep: 'Keep these categories',
      apply: 'Apply filter',
      none: 'This variable has no categories to pick; write an expression below.',
    },
    options: {
      weight: 'Weight',
      unweighted: 'Unweighted',
      cells: 'Cells',
      significance: 'Significance',
      sigNone: 'None',
      lowBase: 'Low base below',
      suppress: 'Suppress low bases',
      sortByTotal: 'Sort by total',
      hideEmpty: 'Hide empty rows',
      decimals: 'Decimals (%)',
      showBases: 'Show bases',
      expression: 'Filter expression (e.g. age >= 30)',
    },
    contents: {
      colPct: 'Column %',
      rowPct: 'Row %',
      totalPct: 'Total %',
      index: 'Index vs total',
      count: 'Counts',
      weighted: 'Weighted counts',
    },
    table: {
      label: 'Cross-table',
      total: 'Total',
      base: 'Base (n)',
      allRespondents: 'All respondents (n)',
      stubBase: '{{name}} base (n)',
      weightedBase: 'Weighted base',
      effectiveBase: 'Effective base',
      lowBase: 'Low base',
      why: 'Why {{letter}}?',
      resize: 'Resize column {{name}}',
      computing: 'Computing…',
      empty: 'Put a variable in Rows to see a table.',
    },
    comparison: {
      label: 'Comparison',
      title: '{{row}}: {{a}} ({{aValue}}) vs {{b}} ({{bValue}})',
      detail:
        'Bases {{aBase}} and {{bBase}} (effective {{aEffective}} and {{bEffective}}). {{test}}: statistic {{statistic}}, p = {{p}}, adjusted p = {{adjusted}} ({{correction}} correction).',
      noCorrection: 'no',
      test: 'test',
      missing: 'No comparison recorded for this pair.',
    },
    copy: {
      button: 'Copy for Excel',
      done_one:
        'Copied the table ({{count}} line) as tab-separated text: numbers in their cells, letters in the column to their right.',
      done_other:
        'Copied the table ({{count}} lines) as tab-separated text: numbers in their cells, letters in the column to their right.',
      failed: 'The clipboard refused the text ({{reason}}); select it below and copy it.',
    },
    save: {
      name: 'Table name',
      button: 'Save table',
      saved: 'Saved “{{name}}”.',
      open: 'Open a saved table',
      choose: 'Saved tables…',
    },
  },
  ko: {
    title: '교차표',
    variables: '변수',
    findVariable: '변수 찾기',
    keyHint: '변수를 영역으로 끌어 놓거나, 변수에 초점을 두고 R(행), C(열), F(필터)를 누르세요.',
    origins: {
      segment: '세그먼트',
      derived: '파생 변수',
      set: '응답 세트',
      imported: '문항',
      weight: '가중치',
      system: '시스템',
    },
    zones: {
      rows: '행',
      columns: '열',
      filter: '필터',
      empty: '여기에 변수를 놓으세요',
      remove: '{{zone}}에서 {{name}} 제거',
      mean: '평균',
      zoneLabel: '{{zone}} 영역',
    },
    shortcuts: {
      group: '표',
      rows: '초점이 있는 변수를 행에 추가',
      columns: '초점이 있는 변수를 열에 추가',
      filter: '초점이 있는 변수의 범주로 필터',
      copy: 'Excel용으로 표 복사',
    },
    picker: {
      title: '{{name}}(으)로 필터',
      keep: '남길 범주',
      apply: '필터 적용',
      none: '이 변수에는 고를 범주가 없습니다. 아래에 식을 입력하세요.',
    },
    options: {
      weight: '가중치',
      unweighted: '가중치 없음',
      cells: '셀',
      significance: '유의수준',
      sigNone: '없음',
      lowBase: '낮은 베이스 기준',
      suppress: '낮은 베이스 숨기기',
      sortByTotal: '전체 기준 정렬',
      hideEmpty: '빈 행 숨기기',
      decimals: '소수점(%)',
      showBases: '베이스 표시',
      expression: '필터 식 (예: age >= 30)',
    },
    contents: {
      colPct: '열 %',
      rowPct: '행 %',
      totalPct: '전체 %',
      index: '전체 대비 지수',
      count: '빈도',
      weighted: '가중 빈도',
    },
    table: {
      label: '교차표',
      total: '전체',
      base: '베이스 (n)',
      allRespondents: '전체 응답자 (n)',
      stubBase: '{{name}} 베이스 (n)',
      weightedBase: '가중 베이스',
      effectiveBase: '유효 베이스',
      lowBase: '낮은 베이스',
      why: '{{letter}}인 이유',
      resize: '{{name}} 열 너비 조절',
      computing: '계산 중…',
      empty: '행에 변수를 넣으면 표가 나타납니다.',
    },
    comparison: {
      label: '비교',
      title: '{{row}}: {{a}} ({{aValue}}) 대 {{b}} ({{bValue}})',
      detail:
        '베이스 {{aBase}}, {{bBase}} (유효 {{aEffective}}, {{bEffective}}). {{test}}: 통계량 {{statistic}}, p = {{p}}, 보정 p = {{adjusted}} ({{correction}} 보정).',
      noCorrection: '없음',
      test: '검정',
      missing: '이 쌍의 비교 기록이 없습니다.',
    },
    copy: {
      button: 'Excel용 복사',
      done_other:
        '표({{count}}줄)를 탭으로 구분한 텍스트로 복사했습니다. 숫자는 각 셀에, 문자는 오른쪽 열에 있습니다.',
      failed: '클립보드가 텍스트를 받지 않았습니다({{reason}}). 아래에서 선택해 복사하세요.',
    },
    save: {
      name: '표 이름',
      button: '표 저장',
      saved: '“{{name}}”을(를) 저장했습니다.',
      open: '저장된 표 열기',
      choose: '저장된 표…',
    },
  },
});
export default tables;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    tables: typeof tables.en;
  }
}
