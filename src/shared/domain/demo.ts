/** What building the demo study did: its sources and how many respondents each country has per wave. */
export interface DemoSummary {
  studyPath: string;
  sourcesFolder: string;
  sources: Array<{
    fileName: string;
    country: string;
    wave: string;
    respondentType: 'customer' | 'executive';
    rows: number;
  }>;
  /** Respondents by country, then wave. */
  respondents: Record<string, Record<string, number>>;
  variables: number;
}
