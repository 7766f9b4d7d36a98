/** The Segments view: saved segmentations, live counts, shares by group (rule builder and clustering keep some English for now). */
import { defineNamespace } from '../defineNamespace';

const segments = defineNamespace({
  en: {
    heading: 'Segments',
    panesLabel: 'Segments panes',
    panes: {
      saved: 'Saved segmentations',
      rules: 'Rule builder',
      clusters: 'Clustering',
    },
    loadingSchemes: 'Loading the schemes…',
    loadingVariables: 'Loading the variables…',
    loadingSaved: 'Loading the saved segmentations…',
    noneSaved:
      'No segmentation is saved yet. Build one with rules or by clustering, then save it as a segment variable: it is then usable in every table, filter and export.',
    savedLabel: 'Saved segmentations',
    card: {
      rules: 'rules',
      kmeans: 'k-means',
      editLabel: 'Edit the rules of {{name}}',
      edit: 'Edit rules',
      tableLabel: 'Segments of {{name}}',
      base: '{{inSegment}} respondents in a segment; {{without}} without one (outside the universe or undecided).',
      rulesDefinition: '{{summary}}.',
      rulesDefinitionSplit: '{{summary}}; split by valence.',
      clusters_one:
        '{{count}} cluster on {{variables}}, seed {{seed}}; new respondents go to the nearest stored centre.',
      clusters_other:
        '{{count}} clusters on {{variables}}, seed {{seed}}; new respondents go to the nearest stored centre.',
      clustersStandardised_one:
        '{{count}} cluster on {{variables}} (standardised), seed {{seed}}; new respondents go to the nearest stored centre.',
      clustersStandardised_other:
        '{{count}} clusters on {{variables}} (standardised), seed {{seed}}; new respondents go to the nearest stored centre.',
    },
    counts: {
      segment: 'Segment',
      respondents: 'Respondents',
      share: 'Share',
      reference: 'Published reference',
    },
    groups: {
      tableLabel: '{{of}} by {{variable}}',
      by: 'By {{variable}}',
      base: 'Base',
      baseTitle: 'Respondents given a segment',
    },
    live: {
      heading: 'Live counts',
      waiting: 'waiting for a complete rule',
      updating: 'updating…',
      blocked:
        'The counts follow once every rule has a name and a complete condition (what the rules still need is listed under them).',
      tableLabel: 'Live counts per segment',
      inUniverse: 'In the universe',
      undecided: 'Undecided',
      outside: 'Outside the universe',
      note: 'Undecided: in the universe, but an answer the rules needed was missing, so they get no segment. Shares are of the respondents given a segment.',
      byGroups: 'Shares by country, industry and wave',
    },
    builder: {
      noScheme: 'No scheme to start from.',
      dropped: 'Dropped {{variables}}.',
      droppedWithRules: 'Dropped {{variables}}, and the rules left with no condition: {{rules}}.',
      title: 'Title',
      unbound:
        'Not variables of this study: {{variables}}. Choose a variable in place of each where it is tested, or',
      dropThem: 'Drop them',
      who: 'Who is segmented',
      everyone: 'Everyone. Respondents outside these conditions get no segment (missing).',
      rulesInOrder: 'Rules, in order: the first that holds gives the segment',
      addRule: 'Add a rule',
      everyoneElse: 'Everyone else in the universe',
      everyoneElseLabel: 'Everyone else: segment name',
      code: 'code {{code}}',
      stillNeeded: 'What the rules still need',
    },
    clusters: {
      cancelled: 'The clustering was cancelled.',
      failed: 'The clustering failed: {{error}}',
      unknownError: 'unknown error',
      saved:
        'Saved {{name}}: {{k}} clusters as a segment variable; respondents of new sources go to the nearest stored centre.',
      variables: 'Variables to cluster on (numbers or scales)',
      kFrom: 'k from',
      kTo: 'to',
      kToLabel: 'k to',
      seed: 'Seed',
      restarts: 'Restarts',
      standardise: 'Standardise (z-scores)',
      run: 'Run k-means',
      running: 'Clustering… (progress in the status bar)',
      method:
        'k-means++ seeding from the seed, the best of the restarts by within-cluster SS; the same seed gives the same clusters. Respondents with a missing value on any input are left out and counted.',
    },
  },
  ko: {
    heading: '세그먼트',
    panesLabel: '세그먼트 화면 구분',
    panes: {
      saved: '저장된 세그먼트',
      rules: '규칙 빌더',
      clusters: '군집 분석',
    },
    loadingSchemes: '세그먼트 체계를 불러오는 중…',
    loadingVariables: '변수를 불러오는 중…',
    loadingSaved: '저장된 세그먼트를 불러오는 중…',
    noneSaved:
      '아직 저장된 세그먼트가 없습니다. 규칙이나 군집 분석으로 세그먼트를 만든 뒤 세그먼트 변수로 저장하면 모든 교차표, 필터, 내보내기에서 쓸 수 있습니다.',
    savedLabel: '저장된 세그먼트',
    card: {
      rules: '규칙',
      kmeans: 'k-평균',
      editLabel: '{{name}} 규칙 편집',
      edit: '규칙 편집',
      tableLabel: '{{name}}의 세그먼트',
      base: '세그먼트에 속한 응답자 {{inSegment}}명, 속하지 않은 응답자 {{without}}명(대상 범위 밖이거나 미분류).',
      rulesDefinition: '{{summary}}.',
      rulesDefinitionSplit: '{{summary}}; 긍정·부정으로 나눔.',
      clusters_other:
        '{{variables}} 기준 군집 {{count}}개, 시드 {{seed}}. 새 응답자는 저장된 가장 가까운 중심에 배정됩니다.',
      clustersStandardised_other:
        '{{variables}}(표준화) 기준 군집 {{count}}개, 시드 {{seed}}. 새 응답자는 저장된 가장 가까운 중심에 배정됩니다.',
    },
    counts: {
      segment: '세그먼트',
      respondents: '응답자',
      share: '비율',
      reference: '공개된 기준값',
    },
    groups: {
      tableLabel: '{{variable}}별 {{of}}',
      by: '{{variable}}별',
      base: '베이스',
      baseTitle: '세그먼트가 배정된 응답자',
    },
    live: {
      heading: '실시간 인원수',
      waiting: '완성된 규칙을 기다리는 중',
      updating: '업데이트 중…',
      blocked:
        '모든 규칙에 이름과 완전한 조건이 있어야 인원수가 표시됩니다(규칙마다 아직 필요한 내용이 아래에 나옵니다).',
      tableLabel: '세그먼트별 실시간 인원수',
      inUniverse: '대상 범위 안',
      undecided: '미분류',
      outside: '대상 범위 밖',
      note: '미분류: 대상 범위에 있지만 규칙에 필요한 응답이 없어 세그먼트가 배정되지 않은 응답자입니다. 비율은 세그먼트가 배정된 응답자 기준입니다.',
      byGroups: '국가, 업종, 웨이브별 비율',
    },
    builder: {
      noScheme: '시작할 세그먼트 체계가 없습니다.',
      dropped: '{{variables}}을(를) 뺐습니다.',
      droppedWithRules: '{{variables}}을(를) 빼고, 조건이 남지 않은 규칙 {{rules}}도 뺐습니다.',
      title: '제목',
      unbound:
        '이 스터디에 없는 변수: {{variables}}. 각 변수가 쓰인 곳마다 대신할 변수를 고르거나,',
      dropThem: '모두 빼기',
      who: '세그먼트 대상',
      everyone: '전체 응답자. 이 조건에 맞지 않는 응답자에게는 세그먼트가 배정되지 않습니다(결측).',
      rulesInOrder: '규칙(순서대로): 처음으로 맞는 규칙이 세그먼트를 정합니다',
      addRule: '규칙 추가',
      everyoneElse: '대상 범위의 나머지 전체',
      everyoneElseLabel: '나머지 전체: 세그먼트 이름',
      code: '코드 {{code}}',
      stillNeeded: '규칙에 아직 필요한 내용',
    },
    clusters: {
      cancelled: '군집 분석이 취소되었습니다.',
      failed: '군집 분석에 실패했습니다: {{error}}',
      unknownError: '알 수 없는 오류',
      saved:
        '{{name}} 저장 완료: 군집 {{k}}개를 세그먼트 변수로 저장했습니다. 새 소스의 응답자는 저장된 가장 가까운 중심에 배정됩니다.',
      variables: '군집 분석에 쓸 변수(숫자 또는 척도)',
      kFrom: 'k 최소',
      kTo: '최대',
      kToLabel: 'k 최대',
      seed: '시드',
      restarts: '반복 시작 횟수',
      standardise: '표준화(z-점수)',
      run: 'k-평균 실행',
      running: '군집 분석 중… (진행률은 상태 표시줄에)',
      method:
        '시드로 k-means++ 초기값을 정하고, 여러 번 시작한 결과 중 군집 내 제곱합이 가장 작은 것을 고릅니다. 시드가 같으면 군집도 같습니다. 입력 변수 중 하나라도 결측인 응답자는 제외하고 그 수를 표시합니다.',
    },
  },
});
export default segments;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    segments: typeof segments.en;
  }
}
