/** segments.*: rule schemes, previews and segment variables, and k-means as a job, in the worker. */
import type { Handlers } from '../../shared/api/index';
import type { HandlerContext } from './handlerContext';

type SegmentMethod =
  | 'segments.schemes'
  | 'segments.saveScheme'
  | 'segments.preview'
  | 'segments.save'
  | 'segments.list'
  | 'segments.kmeans'
  | 'segments.classify'
  | 'segments.holdOut'
  | 'segments.golden'
  | 'segments.profile'
  | 'segments.typingTool';

export function segmentHandlers(ctx: HandlerContext): Pick<Handlers, SegmentMethod> {
  const { session } = ctx;
  return {
    'segments.schemes': () => {
      session.requireOpen();
      return session.workerClient.call('segments.schemes', {});
    },
    'segments.saveScheme': ({ scheme }) => {
      session.requireOpen();
      return session.workerClient.call('segments.saveScheme', { scheme });
    },
    'segments.preview': (input) => {
      session.requireOpen();
      return session.workerClient.call('segments.preview', input);
    },
    'segments.save': async (input) => {
      session.requireOpen();
      const saved = await session.workerClient.call('segments.save', input);
      session.notifyChanged('segmentation');
      return saved;
    },
    'segments.list': () => {
      session.requireOpen();
      return session.workerClient.call('segments.list', {});
    },
    'segments.kmeans': (input) => {
      session.requireOpen();
      const jobId = session.startJob(
        `k-means on ${input.variables.length} variables`,
        (id) => session.workerClient.call('segments.kmeans', input, id),
        { changesStudy: input.name !== undefined },
      );
      return { jobId };
    },
    'segments.classify': (input) => {
      session.requireOpen();
      return session.workerClient.call('segments.classify', input);
    },
    'segments.holdOut': (input) => {
      session.requireOpen();
      const jobId = session.startJob(`hold-out accuracy of ${input.segmentation}`, (id) =>
        session.workerClient.call('segments.holdOut', input, id),
      );
      return { jobId };
    },
    'segments.typingTool': (input) => {
      session.requireOpen();
      return session.workerClient.call('segments.typingTool', input);
    },
    'segments.profile': (input) => {
      session.requireOpen();
      return session.workerClient.call('segments.profile', input);
    },
    'segments.golden': (input) => {
      session.requireOpen();
      const jobId = session.startJob(`golden questions for ${input.segmentation}`, (id) =>
        session.workerClient.call('segments.golden', input, id),
      );
      return { jobId };
    },
  };
}
