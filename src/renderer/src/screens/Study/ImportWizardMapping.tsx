/**
 * The import wizard's mapping step for one file: the language its labels are in and an optional
 * industry for the whole source, then the proposal of how its variables land on the study's
 * codebook, read again whenever the file's settings or the study change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/index';
import type { DatasetInfo } from '../../../../shared/domain/dataset';
import type { MappingProposal } from '../../../../shared/domain/mapping';
import type { VariableSummary } from '../../../../shared/domain/study';
import { useClient } from '../../api/ClientContext';
import type { ImportFileSettings } from './ImportFileCard';
import { MappingReview, type MappingChoice, type MappingChoices } from './MappingReview';
import { LANGUAGE_NAMES, languageName } from '../../../../shared/domain/languages';

/** The languages the workbench ships labels in. */
const LABEL_LANGUAGES = Object.keys(LANGUAGE_NAMES);

const COUNTRY_LANGUAGE: Readonly<Record<string, string>> = {
  DE: 'de',
  IT: 'it',
  FR: 'fr',
  KR: 'ko',
};

/** An agency labels a file in its country's language, as far as the workbench knows; else English. */
export function defaultLanguage(country: string): string {
  return COUNTRY_LANGUAGE[country.toUpperCase()] ?? 'en';
}

const INDUSTRY = /^[a-z0-9_-]{1,40}$/i;

export function validIndustry(industry: string): boolean {
  return industry === '' || INDUSTRY.test(industry);
}

export interface MappingSettings {
  /** null: follow the country. */
  language: string | null;
  /** Empty: the file's own industry variable, if any. */
  industry: string;
}

export function labelLanguage(settings: ImportFileSettings, mapping: MappingSettings): string {
  return mapping.language ?? defaultLanguage(settings.country);
}

/** Whether the file's country and wave are set well enough to ask for a proposal. */
export function canPropose(settings: ImportFileSettings): boolean {
  return /^[A-Za-z]{2,3}$/.test(settings.country) && settings.wave.trim() !== '';
}

/** What import.proposeMapping and import.start both need to read the file as the preview did. */
export function proposalRequest(
  settings: ImportFileSettings,
  language: string,
): Input<'import.proposeMapping'> {
  return {
    path: settings.path,
    country: settings.country,
    wave: settings.wave,
    respondentType: settings.respondentType,
    language,
    ...(settings.encoding ? { encoding: settings.encoding } : {}),
    ...(settings.sheet ? { sheet: settings.sheet } : {}),
    ...(settings.headerRow ? { headerRow: Number(settings.headerRow) } : {}),
    ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
    ...(Object.keys(settings.types).length > 0 ? { types: settings.types } : {}),
    ...(Object.keys(settings.categoryOrder).length > 0
      ? { categoryOrder: settings.categoryOrder }
      : {}),
  };
}

/** Two proposals that would import the same way and tell the user the same things. */
export function sameProposal(a: MappingProposal, b: MappingProposal): boolean {
  const key = (p: MappingProposal) => JSON.stringify([p.variables, p.new, p.problems, p.changes]);
  return key(a) === key(b);
}

/** Typing a wave reads the file once, not once per key. */
const PROPOSE_DELAY_MS = 250;

interface MappingStepProps {
  fileName: string;
  settings: ImportFileSettings;
  mapping: MappingSettings;
  proposal: MappingProposal | null;
  choices: MappingChoices;
  targets: readonly VariableSummary[];
  sourceVariables: DatasetInfo['variables'];
  /** Changes whenever the study does, so the proposal is read again. */
  studyVersion: number;
  locked: boolean;
  onMappingChange: (mapping: MappingSettings) => void;
  onProposal: (proposal: MappingProposal | null) => void;
  onChoose: (source: string, choice: MappingChoice | null) => void;
}

export function MappingStep({
  fileName,
  settings,
  mapping,
  proposal,
  choices,
  targets,
  sourceVariables,
  studyVersion,
  locked,
  onMappingChange,
  onProposal,
  onChoose,
}: MappingStepProps) {
  const client = useClient();
  const { t } = useTranslation('importer');
  const [error, setError] = useState<string | null>(null);
  const language = labelLanguage(settings, mapping);
  const ready = canPropose(settings);
  const requestKey = JSON.stringify(ready ? proposalRequest(settings, language) : null);

  useEffect(() => {
    // Not while importing: the proposal is what the user reviewed, and the import keeps to it.
    if (locked) return;
    onProposal(null);
    setError(null);
    const request = JSON.parse(requestKey) as Input<'import.proposeMapping'> | null;
    if (!request) return;
    let current = true;
    const timer = setTimeout(() => {
      client.invoke('import.proposeMapping', request).then(
        (result) => current && onProposal(result),
        (failure: Error) => current && setError(failure.message),
      );
    }, PROPOSE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // onProposal is left out on purpose: the parent passes a new function each render, and the
    // proposal depends only on the request and the study.
  }, [client, requestKey, studyVersion, locked]);

  return (
    <section
      className="panel stack mapping-step"
      aria-label={t('mapping.label', { file: fileName })}
    >
      <h4>{t('mapping.heading')}</h4>
      <div className="inline-form">
        <label className="field">
          <span>{t('mapping.labelLanguage')}</span>
          <select
            value={language}
            onChange={(event) => onMappingChange({ ...mapping, language: event.target.value })}
            disabled={locked}
          >
            {LABEL_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)} ({code})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('mapping.industry')}</span>
          <input
            value={mapping.industry}
            onChange={(event) => onMappingChange({ ...mapping, industry: event.target.value })}
            placeholder={t('mapping.industryPlaceholder')}
            maxLength={40}
            disabled={locked}
            aria-invalid={!validIndustry(mapping.industry)}
          />
        </label>
      </div>
      {proposal?.suggestedLanguage && !locked && (
        <p className="notice notice--warn">
          {t('mapping.suggested', {
            suggested: languageName(proposal.suggestedLanguage),
            current: languageName(language),
          })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => onMappingChange({ ...mapping, language: proposal.suggestedLanguage! })}
          >
            {t('mapping.use', { language: languageName(proposal.suggestedLanguage) })}
          </button>
        </p>
      )}
      {!validIndustry(mapping.industry) && (
        <p role="alert" className="notice notice--error">
          {t('mapping.badIndustry')}
        </p>
      )}
      {!ready ? (
        <p className="muted">{t('mapping.setCountry')}</p>
      ) : error ? (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      ) : proposal === null ? (
        <p className="muted" aria-busy="true">
          {t('mapping.matching')}
        </p>
      ) : (
        <MappingReview
          fileName={fileName}
          proposal={proposal}
          choices={choices}
          targets={targets}
          sourceVariables={sourceVariables}
          locked={locked}
          onChoose={onChoose}
        />
      )}
    </section>
  );
}
