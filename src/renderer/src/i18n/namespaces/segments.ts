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
  },
});
export default segments;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    segments: typeof segments.en;
  }
}
