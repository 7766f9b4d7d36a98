/**
 * The report's template: brand colours, font, logo and slide size. The preview and every export
 * draw with it, so what changes here changes the slide in front of the user at once.
 */
import { useTranslation } from 'react-i18next';
import {
  slideSizes,
  type ReportTemplate,
  type SlideSize,
} from '../../../../../shared/domain/report';

interface TemplateFormProps {
  template: ReportTemplate;
  onChange: (template: ReportTemplate) => void;
}

const COLOURS = ['primary', 'accent', 'text', 'background'] as const;
/** Fonts found on most office machines; any other name may be typed. */
const FONTS = ['Arial', 'Calibri', 'Helvetica', 'Georgia', 'Segoe UI', 'Verdana', 'Noto Sans'];

export function TemplateForm({ template, onChange }: TemplateFormProps) {
  const { t } = useTranslation('reports');
  return (
    <fieldset className="report-template">
      <legend>{t('template.heading')}</legend>
      <div className="report-template__colours">
        {COLOURS.map((key) => (
          <label key={key} className="report-template__colour">
            <input
              type="color"
              value={template.colours[key]}
              onChange={(e) =>
                onChange({ ...template, colours: { ...template.colours, [key]: e.target.value } })
              }
            />
            <span>{t(`template.colours.${key}`)}</span>
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('template.font')}</span>
        <input
          list="report-fonts"
          value={template.font}
          onChange={(e) => e.target.value.trim() && onChange({ ...template, font: e.target.value })}
        />
        <datalist id="report-fonts">
          {FONTS.map((font) => (
            <option key={font} value={font} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t('template.logo')}</span>
        <input
          value={template.logoPath ?? ''}
          placeholder={t('template.logoHint')}
          onChange={(e) => {
            const next = { ...template };
            if (e.target.value.trim() === '') delete next.logoPath;
            else next.logoPath = e.target.value;
            onChange(next);
          }}
        />
      </label>
      <label className="field">
        <span>{t('template.size')}</span>
        <select
          value={template.slideSize}
          onChange={(e) => onChange({ ...template, slideSize: e.target.value as SlideSize })}
        >
          {slideSizes.map((size) => (
            <option key={size} value={size}>
              {t(`template.sizes.${size === 'A4' ? 'a4' : size === '4:3' ? 'standard' : 'wide'}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
