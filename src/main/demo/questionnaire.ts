/**
 * The master questionnaire of the demo Customer Energy study: every variable under its study
 * name, with its labels and code frame in the five languages the workbench speaks. The agency
 * files the demo writes (demoSources.ts) are translations of it; importing them must harmonise
 * each file back onto these names and codes, which is what the demo lets a consultant try.
 *
 * The industry a respondent's answers refer to is not a question: every source file carries it
 * as a column `industry`, coded 1..6 in the order of `industries` (see INDUSTRY_COLUMN), and the
 * importer turns it into the study's `industry` system variable.
 */

/** Texts by language: en, de, it, fr and ko, all five present. */
export type Translations = Record<string, string>;

export interface QuestionnaireValue {
  code: number;
  labels: Translations;
}

export interface QuestionnaireVariable {
  /** The master (study) name. */
  name: string;
  type: 'single' | 'numeric' | 'text';
  respondentType: 'customer' | 'executive';
  labels: Translations;
  /** [] for numeric and text variables. */
  values: QuestionnaireValue[];
  /** User-missing codes, such as 99 "Don't know". */
  missing?: number[];
}

export interface MasterQuestionnaire {
  title: Translations;
  languages: readonly string[];
  industries: Array<{ code: string; names: Translations }>;
  variables: QuestionnaireVariable[];
}

export const LANGUAGES = ['en', 'de', 'it', 'fr', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Written out per language so a missing translation is a type error, not a blank label. */
type Texts = Record<Language, string>;

function values(...labels: Array<[number, Texts]>): QuestionnaireValue[] {
  return labels.map(([code, texts]) => ({ code, labels: texts }));
}

/** The code every "don't know" shares; declared user-missing. */
export const DONT_KNOW = 99;

const dontKnow: [number, Texts] = [
  DONT_KNOW,
  { en: "Don't know", de: 'Weiß nicht', it: 'Non so', fr: 'Ne sait pas', ko: '모름' },
];

/** The one scale of every online behaviour: how often the respondent does it. */
export const FREQUENCY = { never: 1, lessThanMonthly: 2, monthly: 3, weekly: 4, daily: 5 } as const;

const frequencyScale = values(
  [FREQUENCY.never, { en: 'Never', de: 'Nie', it: 'Mai', fr: 'Jamais', ko: '전혀 안 함' }],
  [
    FREQUENCY.lessThanMonthly,
    {
      en: 'Less than once a month',
      de: 'Seltener als einmal im Monat',
      it: 'Meno di una volta al mese',
      fr: "Moins d'une fois par mois",
      ko: '한 달에 한 번 미만',
    },
  ],
  [
    FREQUENCY.monthly,
    { en: 'Monthly', de: 'Monatlich', it: 'Ogni mese', fr: 'Tous les mois', ko: '매월' },
  ],
  [
    FREQUENCY.weekly,
    {
      en: 'Weekly',
      de: 'Wöchentlich',
      it: 'Ogni settimana',
      fr: 'Toutes les semaines',
      ko: '매주',
    },
  ],
  [
    FREQUENCY.daily,
    { en: 'Daily', de: 'Täglich', it: 'Ogni giorno', fr: 'Tous les jours', ko: '매일' },
  ],
);

const agreementScale = values(
  [
    1,
    {
      en: 'Strongly disagree',
      de: 'Stimme überhaupt nicht zu',
      it: "Per niente d'accordo",
      fr: "Pas du tout d'accord",
      ko: '전혀 동의하지 않음',
    },
  ],
  [
    2,
    {
      en: 'Disagree',
      de: 'Stimme eher nicht zu',
      it: "Poco d'accordo",
      fr: "Plutôt pas d'accord",
      ko: '별로 동의하지 않음',
    },
  ],
  [
    3,
    {
      en: 'Neither agree nor disagree',
      de: 'Teils, teils',
      it: "Né d'accordo né in disaccordo",
      fr: "Ni d'accord ni pas d'accord",
      ko: '보통',
    },
  ],
  [
    4,
    {
      en: 'Agree',
      de: 'Stimme eher zu',
      it: "Abbastanza d'accordo",
      fr: "Plutôt d'accord",
      ko: '대체로 동의함',
    },
  ],
  [
    5,
    {
      en: 'Strongly agree',
      de: 'Stimme voll und ganz zu',
      it: "Completamente d'accordo",
      fr: "Tout à fait d'accord",
      ko: '매우 동의함',
    },
  ],
  dontKnow,
);

const importanceScale = values(
  [
    1,
    {
      en: 'Not at all important',
      de: 'Überhaupt nicht wichtig',
      it: 'Per niente importante',
      fr: 'Pas du tout important',
      ko: '전혀 중요하지 않음',
    },
  ],
  [
    2,
    {
      en: 'Not very important',
      de: 'Wenig wichtig',
      it: 'Poco importante',
      fr: 'Peu important',
      ko: '별로 중요하지 않음',
    },
  ],
  [
    3,
    {
      en: 'Moderately important',
      de: 'Einigermaßen wichtig',
      it: 'Abbastanza importante',
      fr: 'Moyennement important',
      ko: '보통',
    },
  ],
  [
    4,
    {
      en: 'Very important',
      de: 'Sehr wichtig',
      it: 'Molto importante',
      fr: 'Très important',
      ko: '매우 중요함',
    },
  ],
  [
    5,
    {
      en: 'Extremely important',
      de: 'Äußerst wichtig',
      it: 'Estremamente importante',
      fr: 'Extrêmement important',
      ko: '대단히 중요함',
    },
  ],
  dontKnow,
);

function engagementScale(): QuestionnaireValue[] {
  return values(
    [
      1,
      {
        en: 'We do not engage with them',
        de: 'Wir gehen nicht auf sie ein',
        it: 'Non interagiamo con loro',
        fr: "Nous n'interagissons pas avec eux",
        ko: '관계를 맺지 않음',
      },
    ],
    [
      2,
      {
        en: 'We monitor what they post',
        de: 'Wir beobachten, was sie veröffentlichen',
        it: 'Monitoriamo ciò che pubblicano',
        fr: "Nous suivons ce qu'ils publient",
        ko: '게시물을 모니터링함',
      },
    ],
    [
      3,
      {
        en: 'We respond to them',
        de: 'Wir antworten ihnen',
        it: 'Rispondiamo loro',
        fr: 'Nous leur répondons',
        ko: '응답함',
      },
    ],
    [
      4,
      {
        en: 'We involve them in product development',
        de: 'Wir beziehen sie in die Produktentwicklung ein',
        it: 'Li coinvolgiamo nello sviluppo dei prodotti',
        fr: 'Nous les associons au développement des produits',
        ko: '제품 개발에 참여시킴',
      },
    ],
    [
      5,
      {
        en: 'We reward them or partner with them',
        de: 'Wir belohnen sie oder arbeiten mit ihnen zusammen',
        it: 'Li premiamo o collaboriamo con loro',
        fr: 'Nous les récompensons ou collaborons avec eux',
        ko: '보상하거나 협업함',
      },
    ],
  );
}

function customer(
  name: string,
  type: QuestionnaireVariable['type'],
  labels: Texts,
  codes: QuestionnaireValue[] = [],
): QuestionnaireVariable {
  const variable: QuestionnaireVariable = {
    name,
    type,
    respondentType: 'customer',
    labels,
    values: codes,
  };
  if (codes.some((value) => value.code === DONT_KNOW)) variable.missing = [DONT_KNOW];
  return variable;
}

function executive(
  name: string,
  type: QuestionnaireVariable['type'],
  labels: Texts,
  codes: QuestionnaireValue[] = [],
): QuestionnaireVariable {
  return { ...customer(name, type, labels, codes), respondentType: 'executive' };
}

/** The behaviours that make a creator when any is done at least monthly. */
export const CREATING_BEHAVIOURS = [
  'create_video',
  'create_blog',
  'create_review',
  'create_idea',
] as const;
/** The behaviours that make a contributor (if not a creator) when any is done at least monthly. */
export const CONTRIBUTING_BEHAVIOURS = ['comment', 'rate', 'recommend'] as const;
/** What viewers do too; they do not count towards any segment. */
export const VIEWING_BEHAVIOURS = ['read_reviews', 'compare_prices'] as const;
export const BEHAVIOURS = [
  ...CREATING_BEHAVIOURS,
  ...CONTRIBUTING_BEHAVIOURS,
  ...VIEWING_BEHAVIOURS,
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

const behaviourLabels: Record<Behaviour, Texts> = {
  create_video: {
    en: 'Create videos about products or brands',
    de: 'Videos über Produkte oder Marken erstellen',
    it: 'Creare video su prodotti o marchi',
    fr: 'Créer des vidéos sur des produits ou des marques',
    ko: '제품이나 브랜드에 관한 동영상 제작',
  },
  create_blog: {
    en: 'Write blog posts or articles about products or brands',
    de: 'Blogbeiträge oder Artikel über Produkte oder Marken schreiben',
    it: 'Scrivere post o articoli su prodotti o marchi',
    fr: 'Écrire des articles de blog sur des produits ou des marques',
    ko: '제품이나 브랜드에 관한 블로그 글 작성',
  },
  create_review: {
    en: 'Write detailed product reviews',
    de: 'Ausführliche Produktbewertungen schreiben',
    it: 'Scrivere recensioni dettagliate di prodotti',
    fr: 'Rédiger des avis détaillés sur des produits',
    ko: '상세한 제품 리뷰 작성',
  },
  create_idea: {
    en: 'Submit ideas or suggestions to companies',
    de: 'Unternehmen Ideen oder Vorschläge einreichen',
    it: 'Proporre idee o suggerimenti alle aziende',
    fr: 'Soumettre des idées ou des suggestions aux entreprises',
    ko: '기업에 아이디어나 제안 제출',
  },
  comment: {
    en: "Comment on brands' posts or on others' posts about products",
    de: 'Beiträge von Marken oder von anderen über Produkte kommentieren',
    it: 'Commentare i post dei marchi o di altri sui prodotti',
    fr: "Commenter les publications des marques ou d'autres personnes sur des produits",
    ko: '브랜드 게시물이나 제품에 관한 다른 사람의 글에 댓글 달기',
  },
  rate: {
    en: 'Rate products or services (e.g. with stars)',
    de: 'Produkte oder Dienstleistungen bewerten (z. B. mit Sternen)',
    it: 'Valutare prodotti o servizi (ad es. con le stelle)',
    fr: 'Noter des produits ou des services (p. ex. avec des étoiles)',
    ko: '제품이나 서비스에 평점 매기기 (예: 별점)',
  },
  recommend: {
    en: 'Recommend products or brands to others online',
    de: 'Anderen online Produkte oder Marken empfehlen',
    it: 'Consigliare online prodotti o marchi ad altri',
    fr: "Recommander en ligne des produits ou des marques à d'autres",
    ko: '온라인에서 다른 사람에게 제품이나 브랜드 추천',
  },
  read_reviews: {
    en: 'Read reviews or ratings before buying',
    de: 'Vor dem Kauf Bewertungen lesen',
    it: 'Leggere recensioni o valutazioni prima di acquistare',
    fr: "Lire des avis ou des notes avant d'acheter",
    ko: '구매 전 리뷰나 평점 읽기',
  },
  compare_prices: {
    en: 'Compare prices online',
    de: 'Preise online vergleichen',
    it: 'Confrontare i prezzi online',
    fr: 'Comparer les prix en ligne',
    ko: '온라인에서 가격 비교',
  },
};

/** Age bands of `age_group`: code → [first, last] year of age (the last band is open). */
export const AGE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [16, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 79],
];

function ageGroupValues(): QuestionnaireValue[] {
  return AGE_BANDS.map(([first, last], index) => ({
    code: index + 1,
    labels:
      index === AGE_BANDS.length - 1
        ? {
            en: `${first} and over`,
            de: `${first} Jahre und älter`,
            it: `${first} anni e oltre`,
            fr: `${first} ans et plus`,
            ko: `${first}세 이상`,
          }
        : {
            en: `${first}-${last}`,
            de: `${first}-${last} Jahre`,
            it: `${first}-${last} anni`,
            fr: `${first}-${last} ans`,
            ko: `${first}-${last}세`,
          },
  }));
}

/** `online`: who answers the behaviour questions (the others skip them: system-missing). */
export const ONLINE = { yes: 1, no: 2 } as const;

/** `motive` codes in the master frame; wave 2026 files use another numbering (waveChanges.ts). */
export const MOTIVE = {
  deals: 1,
  information: 2,
  share: 3,
  help: 4,
  improve: 5,
  connected: 6,
  entertainment: 7,
  other: 97,
} as const;

const motiveValues = values(
  [
    MOTIVE.deals,
    {
      en: 'To get deals, discounts or rewards',
      de: 'Um Angebote, Rabatte oder Prämien zu bekommen',
      it: 'Per ottenere offerte, sconti o premi',
      fr: 'Pour obtenir des offres, des réductions ou des récompenses',
      ko: '할인, 혜택 또는 보상을 받기 위해',
    },
  ],
  [
    MOTIVE.information,
    {
      en: 'To get information about products',
      de: 'Um Informationen über Produkte zu bekommen',
      it: 'Per avere informazioni sui prodotti',
      fr: 'Pour obtenir des informations sur les produits',
      ko: '제품 정보를 얻기 위해',
    },
  ],
  [
    MOTIVE.share,
    {
      en: 'To share my experiences with others',
      de: 'Um meine Erfahrungen mit anderen zu teilen',
      it: 'Per condividere le mie esperienze con gli altri',
      fr: "Pour partager mes expériences avec d'autres",
      ko: '다른 사람들과 경험을 공유하기 위해',
    },
  ],
  [
    MOTIVE.help,
    {
      en: 'To get help with a problem',
      de: 'Um Hilfe bei einem Problem zu bekommen',
      it: 'Per ricevere aiuto con un problema',
      fr: "Pour obtenir de l'aide en cas de problème",
      ko: '문제 해결에 도움을 받기 위해',
    },
  ],
  [
    MOTIVE.improve,
    {
      en: 'To help improve products and services',
      de: 'Um Produkte und Dienstleistungen zu verbessern',
      it: 'Per contribuire a migliorare prodotti e servizi',
      fr: 'Pour contribuer à améliorer les produits et les services',
      ko: '제품과 서비스 개선에 기여하기 위해',
    },
  ],
  [
    MOTIVE.connected,
    {
      en: 'Because I feel connected to the brand',
      de: 'Weil ich mich mit der Marke verbunden fühle',
      it: 'Perché mi sento legato al marchio',
      fr: 'Parce que je me sens proche de la marque',
      ko: '브랜드에 애착을 느끼기 때문에',
    },
  ],
  [
    MOTIVE.entertainment,
    {
      en: 'To be entertained',
      de: 'Zur Unterhaltung',
      it: 'Per divertimento',
      fr: 'Pour me divertir',
      ko: '재미를 위해',
    },
  ],
  [
    MOTIVE.other,
    {
      en: 'Another reason',
      de: 'Ein anderer Grund',
      it: 'Un altro motivo',
      fr: 'Une autre raison',
      ko: '기타 이유',
    },
  ],
);

const customerVariables: QuestionnaireVariable[] = [
  customer('resp_id', 'numeric', {
    en: 'Respondent ID',
    de: 'Befragten-ID',
    it: 'ID rispondente',
    fr: 'Identifiant du répondant',
    ko: '응답자 ID',
  }),
  customer('age', 'numeric', {
    en: 'Age (years)',
    de: 'Alter (Jahre)',
    it: 'Età (anni)',
    fr: 'Âge (années)',
    ko: '나이 (세)',
  }),
  customer(
    'age_group',
    'single',
    { en: 'Age group', de: 'Altersgruppe', it: "Fascia d'età", fr: "Tranche d'âge", ko: '연령대' },
    ageGroupValues(),
  ),
  customer(
    'gender',
    'single',
    { en: 'Gender', de: 'Geschlecht', it: 'Genere', fr: 'Genre', ko: '성별' },
    values(
      [1, { en: 'Male', de: 'Männlich', it: 'Uomo', fr: 'Homme', ko: '남성' }],
      [2, { en: 'Female', de: 'Weiblich', it: 'Donna', fr: 'Femme', ko: '여성' }],
      [
        3,
        {
          en: 'Non-binary or other',
          de: 'Divers',
          it: 'Non binario o altro',
          fr: 'Non binaire ou autre',
          ko: '기타',
        },
      ],
      [
        DONT_KNOW,
        {
          en: 'Prefer not to say',
          de: 'Keine Angabe',
          it: 'Preferisco non rispondere',
          fr: 'Préfère ne pas répondre',
          ko: '응답 거부',
        },
      ],
    ),
  ),
  customer(
    'area',
    'single',
    {
      en: 'Area of residence',
      de: 'Wohngegend',
      it: 'Zona di residenza',
      fr: 'Zone de résidence',
      ko: '거주 지역',
    },
    values(
      [1, { en: 'Urban', de: 'Städtisch', it: 'Urbana', fr: 'Urbaine', ko: '도시' }],
      [2, { en: 'Suburban', de: 'Vorstädtisch', it: 'Suburbana', fr: 'Périurbaine', ko: '교외' }],
      [3, { en: 'Rural', de: 'Ländlich', it: 'Rurale', fr: 'Rurale', ko: '농촌' }],
    ),
  ),
  customer(
    'online',
    'single',
    {
      en: 'Internet use',
      de: 'Internetnutzung',
      it: 'Uso di Internet',
      fr: "Utilisation d'Internet",
      ko: '인터넷 이용',
    },
    values(
      [
        ONLINE.yes,
        {
          en: 'Uses the internet',
          de: 'Nutzt das Internet',
          it: 'Usa Internet',
          fr: 'Utilise Internet',
          ko: '인터넷 이용함',
        },
      ],
      [
        ONLINE.no,
        {
          en: 'Does not use the internet',
          de: 'Nutzt das Internet nicht',
          it: 'Non usa Internet',
          fr: "N'utilise pas Internet",
          ko: '인터넷 이용 안 함',
        },
      ],
    ),
  ),
  ...BEHAVIOURS.map((name) => customer(name, 'single', behaviourLabels[name], frequencyScale)),
  customer(
    'energy_positive',
    'single',
    {
      en: 'I enthuse about brands I like and recommend them to others',
      de: 'Ich schwärme von Marken, die ich mag, und empfehle sie anderen',
      it: 'Parlo con entusiasmo dei marchi che mi piacciono e li consiglio ad altri',
      fr: "Je parle avec enthousiasme des marques que j'aime et je les recommande à d'autres",
      ko: '좋아하는 브랜드에 대해 열정적으로 이야기하고 다른 사람에게 추천한다',
    },
    agreementScale,
  ),
  customer(
    'energy_negative',
    'single',
    {
      en: 'When a brand disappoints me, I complain about it and warn others',
      de: 'Wenn mich eine Marke enttäuscht, beschwere ich mich und warne andere',
      it: 'Quando un marchio mi delude, mi lamento e metto in guardia gli altri',
      fr: "Quand une marque me déçoit, je m'en plains et je mets les autres en garde",
      ko: '브랜드에 실망하면 불만을 제기하고 다른 사람에게 경고한다',
    },
    agreementScale,
  ),
  customer(
    'motive',
    'single',
    {
      en: 'Main reason for interacting with brands',
      de: 'Hauptgrund für den Austausch mit Marken',
      it: 'Motivo principale per interagire con i marchi',
      fr: "Principale raison d'interagir avec les marques",
      ko: '브랜드와 소통하는 주된 이유',
    },
    motiveValues,
  ),
  customer('motive_other', 'text', {
    en: 'Another reason for interacting with brands (open answer)',
    de: 'Anderer Grund für den Austausch mit Marken (offene Angabe)',
    it: 'Altro motivo per interagire con i marchi (risposta aperta)',
    fr: "Autre raison d'interagir avec les marques (réponse ouverte)",
    ko: '브랜드와 소통하는 기타 이유 (주관식)',
  }),
  customer(
    'attachment',
    'single',
    {
      en: 'I feel strongly attached to the brands I use',
      de: 'Ich fühle mich den Marken, die ich nutze, stark verbunden',
      it: 'Mi sento molto legato ai marchi che uso',
      fr: "Je me sens très attaché aux marques que j'utilise",
      ko: '내가 사용하는 브랜드에 강한 애착을 느낀다',
    },
    agreementScale,
  ),
  customer(
    'fatigue',
    'single',
    {
      en: 'I am tired of companies constantly asking for my feedback',
      de: 'Ich bin es leid, dass Unternehmen ständig um mein Feedback bitten',
      it: 'Sono stanco delle aziende che chiedono continuamente la mia opinione',
      fr: "J'en ai assez que les entreprises me demandent sans cesse mon avis",
      ko: '기업들이 끊임없이 의견을 묻는 것에 지쳤다',
    },
    agreementScale,
  ),
  customer(
    'deal_seeking',
    'single',
    {
      en: 'I always look for the best deal before I buy',
      de: 'Vor dem Kauf suche ich immer nach dem besten Angebot',
      it: "Prima di acquistare cerco sempre l'offerta migliore",
      fr: "Avant d'acheter, je cherche toujours la meilleure offre",
      ko: '구매하기 전에 항상 가장 좋은 조건을 찾는다',
    },
    agreementScale,
  ),
];

/** `ce_threat` codes. */
export const THREAT = { threat: 1, opportunity: 2, both: 3, neither: 4 } as const;

const executiveVariables: QuestionnaireVariable[] = [
  executive('exec_id', 'numeric', {
    en: 'Executive ID',
    de: 'Führungskraft-ID',
    it: 'ID dirigente',
    fr: 'Identifiant du dirigeant',
    ko: '임원 ID',
  }),
  executive(
    'exec_role',
    'single',
    {
      en: 'Area of responsibility',
      de: 'Verantwortungsbereich',
      it: 'Area di responsabilità',
      fr: 'Domaine de responsabilité',
      ko: '담당 분야',
    },
    values(
      [1, { en: 'Marketing', de: 'Marketing', it: 'Marketing', fr: 'Marketing', ko: '마케팅' }],
      [
        2,
        {
          en: 'Customer service',
          de: 'Kundenservice',
          it: 'Servizio clienti',
          fr: 'Service client',
          ko: '고객 서비스',
        },
      ],
      [3, { en: 'Sales', de: 'Vertrieb', it: 'Vendite', fr: 'Ventes', ko: '영업' }],
      [
        4,
        {
          en: 'Product development',
          de: 'Produktentwicklung',
          it: 'Sviluppo prodotto',
          fr: 'Développement produit',
          ko: '제품 개발',
        },
      ],
      [
        5,
        {
          en: 'General management',
          de: 'Geschäftsführung',
          it: 'Direzione generale',
          fr: 'Direction générale',
          ko: '경영진',
        },
      ],
      [6, { en: 'Other', de: 'Sonstiges', it: 'Altro', fr: 'Autre', ko: '기타' }],
    ),
  ),
  executive(
    'company_size',
    'single',
    {
      en: 'Company size (employees)',
      de: 'Unternehmensgröße (Beschäftigte)',
      it: "Dimensione dell'azienda (dipendenti)",
      fr: "Taille de l'entreprise (salariés)",
      ko: '회사 규모 (직원 수)',
    },
    values(
      [
        1,
        {
          en: 'Fewer than 250',
          de: 'Weniger als 250',
          it: 'Meno di 250',
          fr: 'Moins de 250',
          ko: '250명 미만',
        },
      ],
      [
        2,
        {
          en: '250 to 999',
          de: '250 bis 999',
          it: 'Da 250 a 999',
          fr: 'De 250 à 999',
          ko: '250-999명',
        },
      ],
      [
        3,
        {
          en: '1,000 to 4,999',
          de: '1.000 bis 4.999',
          it: 'Da 1.000 a 4.999',
          fr: 'De 1 000 à 4 999',
          ko: '1,000-4,999명',
        },
      ],
      [
        4,
        {
          en: '5,000 or more',
          de: '5.000 und mehr',
          it: '5.000 e oltre',
          fr: '5 000 et plus',
          ko: '5,000명 이상',
        },
      ],
    ),
  ),
  executive(
    'ce_importance_now',
    'single',
    {
      en: "Importance of customer energy to the company's success today",
      de: 'Bedeutung der Kundenenergie für den Unternehmenserfolg heute',
      it: "Importanza dell'energia dei clienti per il successo dell'azienda oggi",
      fr: "Importance de l'énergie des clients pour le succès de l'entreprise aujourd'hui",
      ko: '현재 회사의 성공에 고객 에너지가 갖는 중요성',
    },
    importanceScale,
  ),
  executive(
    'ce_importance_5y',
    'single',
    {
      en: "Importance of customer energy to the company's success in five years",
      de: 'Bedeutung der Kundenenergie für den Unternehmenserfolg in fünf Jahren',
      it: "Importanza dell'energia dei clienti per il successo dell'azienda tra cinque anni",
      fr: "Importance de l'énergie des clients pour le succès de l'entreprise dans cinq ans",
      ko: '5년 후 회사의 성공에 고객 에너지가 갖는 중요성',
    },
    importanceScale,
  ),
  executive(
    'ce_threat',
    'single',
    {
      en: 'Customer energy: mainly a threat or an opportunity for the company',
      de: 'Kundenenergie: für das Unternehmen eher Bedrohung oder Chance',
      it: "Energia dei clienti: per l'azienda più una minaccia o un'opportunità",
      fr: "L'énergie des clients : plutôt une menace ou une opportunité pour l'entreprise",
      ko: '고객 에너지: 회사에 위협인가 기회인가',
    },
    values(
      [
        THREAT.threat,
        {
          en: 'Mainly a threat',
          de: 'Eher eine Bedrohung',
          it: 'Soprattutto una minaccia',
          fr: 'Plutôt une menace',
          ko: '주로 위협',
        },
      ],
      [
        THREAT.opportunity,
        {
          en: 'Mainly an opportunity',
          de: 'Eher eine Chance',
          it: "Soprattutto un'opportunità",
          fr: 'Plutôt une opportunité',
          ko: '주로 기회',
        },
      ],
      [THREAT.both, { en: 'Both', de: 'Beides', it: 'Entrambe', fr: 'Les deux', ko: '둘 다' }],
      [
        THREAT.neither,
        {
          en: 'Neither',
          de: 'Weder noch',
          it: 'Nessuna delle due',
          fr: "Ni l'une ni l'autre",
          ko: '둘 다 아님',
        },
      ],
      dontKnow,
    ),
  ),
  executive(
    'engage_creators',
    'single',
    {
      en: 'How the company mainly engages with creators',
      de: 'Wie das Unternehmen vor allem mit Creators umgeht',
      it: "Come l'azienda interagisce soprattutto con i creator",
      fr: "Comment l'entreprise interagit surtout avec les créateurs",
      ko: '회사가 크리에이터와 주로 관계를 맺는 방식',
    },
    engagementScale(),
  ),
  executive(
    'engage_contributors',
    'single',
    {
      en: 'How the company mainly engages with contributors',
      de: 'Wie das Unternehmen vor allem mit Contributors umgeht',
      it: "Come l'azienda interagisce soprattutto con i contributor",
      fr: "Comment l'entreprise interagit surtout avec les contributeurs",
      ko: '회사가 기여자와 주로 관계를 맺는 방식',
    },
    engagementScale(),
  ),
];

/** The industries, in the order of their codes 1..6 in every source file's `industry` column. */
const industries: MasterQuestionnaire['industries'] = [
  {
    code: 'telecom',
    names: {
      en: 'Telecommunications',
      de: 'Telekommunikation',
      it: 'Telecomunicazioni',
      fr: 'Télécommunications',
      ko: '통신',
    },
  },
  {
    code: 'retail',
    names: {
      en: 'Retail',
      de: 'Einzelhandel',
      it: 'Commercio al dettaglio',
      fr: 'Commerce de détail',
      ko: '소매',
    },
  },
  {
    code: 'banking',
    names: { en: 'Banking', de: 'Bankwesen', it: 'Banche', fr: 'Banque', ko: '은행' },
  },
  {
    code: 'automotive',
    names: {
      en: 'Automotive',
      de: 'Automobil',
      it: 'Automobilistico',
      fr: 'Automobile',
      ko: '자동차',
    },
  },
  {
    code: 'electronics',
    names: {
      en: 'Consumer electronics',
      de: 'Unterhaltungselektronik',
      it: 'Elettronica di consumo',
      fr: 'Électronique grand public',
      ko: '가전제품',
    },
  },
  {
    code: 'travel',
    names: { en: 'Travel', de: 'Reisen', it: 'Viaggi', fr: 'Voyages', ko: '여행' },
  },
];

export const masterQuestionnaire: MasterQuestionnaire = {
  title: {
    en: 'Customer Energy Study',
    de: 'Studie Kundenenergie',
    it: "Studio sull'energia dei clienti",
    fr: "Étude sur l'énergie des clients",
    ko: '고객 에너지 조사',
  },
  languages: LANGUAGES,
  industries,
  variables: [...customerVariables, ...executiveVariables],
};

/** The `industry` column every source file carries (not a questionnaire variable). */
export const INDUSTRY_COLUMN = {
  name: 'industry',
  labels: {
    en: 'Industry',
    de: 'Branche',
    it: 'Settore',
    fr: 'Secteur',
    ko: '산업',
  } satisfies Texts as Translations,
};

/** The code of an industry in the `industry` column: its 0-based index in `industries` + 1. */
export function industryCode(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= industries.length)
    throw new RangeError(`there is no industry at index ${index} (0..${industries.length - 1})`);
  return index + 1;
}

/** The industry a code of the `industry` column stands for, or undefined. */
export function industryOfCode(
  code: number,
): MasterQuestionnaire['industries'][number] | undefined {
  return Number.isInteger(code) ? industries[code - 1] : undefined;
}

/** The industry column's value labels in one language, code 1..6. */
export function industryValues(language: string): Array<{ code: number; label: string }> {
  return industries.map((industry, index) => ({
    code: industryCode(index),
    label: industry.names[language] ?? industry.names.en!,
  }));
}

/** The questionnaire variable of that master name; throws for an unknown name. */
export function questionnaireVariable(name: string): QuestionnaireVariable {
  const variable = masterQuestionnaire.variables.find((candidate) => candidate.name === name);
  if (!variable) throw new RangeError(`the questionnaire has no variable ${name}`);
  return variable;
}

/** The variables one respondent type answers, in questionnaire order. */
export function variablesOf(respondentType: 'customer' | 'executive'): QuestionnaireVariable[] {
  return masterQuestionnaire.variables.filter(
    (variable) => variable.respondentType === respondentType,
  );
}
