/** The Side by side view: one panel per country, industry, wave or segment, on one scale. */
import { defineNamespace } from '../defineNamespace';

const compare = defineNamespace({
  en: {
    heading: 'Side by side',
    dimension: 'Compare by',
    question: 'Question',
    chooseQuestion: 'Choose a question to compare.',
    weight: 'Weight',
    unweighted: 'Unweighted',
    significance: 'Significance',
    showAs: 'Show as',
    charts: 'Charts',
    tables: 'Tables',
    answer: 'Answer',
    scale: 'Share on the common scale',
    sameVariable: 'Choose a question other than the variable you compare by.',
    base: 'n = {{n}}',
    lowBase: 'n = {{n}}, low base',
    scaleNote_one: 'One panel on a scale of 0–{{max}}.',
    scaleNote_other: '{{count}} panels, all on one scale: 0–{{max}}.',
    lettersNote:
      'A letter beside a value: significantly higher than the panel with that letter. ▲ / ▼: significantly above / below the rest of the sample.',
  },
  ko: {
    heading: '나란히 비교',
    dimension: '비교 기준',
    question: '문항',
    chooseQuestion: '비교할 문항을 고르세요.',
    weight: '가중치',
    unweighted: '가중치 없음',
    significance: '유의수준',
    showAs: '표시 방식',
    charts: '차트',
    tables: '표',
    answer: '응답',
    scale: '공통 척도의 비율',
    sameVariable: '비교 기준과 다른 문항을 고르세요.',
    base: 'n = {{n}}',
    lowBase: 'n = {{n}}, 적은 사례 수',
    scaleNote_other: '패널 {{count}}개, 모두 같은 척도: 0–{{max}}.',
    lettersNote:
      '값 옆의 문자: 그 문자의 패널보다 유의하게 높음. ▲ / ▼: 나머지 표본보다 유의하게 높음 / 낮음.',
  },
});
export default compare;

declare module 'i18next' {
  interface ResourceNamespaceMap {
    compare: typeof compare.en;
  }
}
