/**
 * templates.*: report templates saved in this user's app settings (any study may use them) and
 * the open study's own template (kept in the study, so the worker reads and writes it).
 */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type TemplateHandlers = Pick<
  Handlers,
  | 'templates.list'
  | 'templates.save'
  | 'templates.delete'
  | 'templates.study'
  | 'templates.setStudy'
>;

export function templateHandlers(ctx: HandlerContext): TemplateHandlers {
  const { session, settings } = ctx;
  return {
    'templates.list': () => settings.savedTemplates,
    'templates.save': ({ name, template }) => {
      settings.saveTemplate(name, template);
      return settings.savedTemplates;
    },
    'templates.delete': ({ name }) => {
      settings.deleteTemplate(name);
      return settings.savedTemplates;
    },
    'templates.study': () => {
      session.requireOpen();
      return session.workerClient.call('templates.study', {});
    },
    'templates.setStudy': (input) => {
      session.requireOpen();
      return session.workerClient.call('templates.setStudy', input);
    },
  };
}
