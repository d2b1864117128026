// Editing features: on one document's text (hoverAt, completeAt), and over a whole file through the
// file model (completeInFile, hoverInFile, documentSymbols, resourceAt, explainFile), which finds
// the unit under the cursor and answers in file offsets.

export { completeAt, type CompletionCandidate, type CompletionOptions } from './completion';
export { explainResource, type Explanation } from './explain';
export { WorkspaceLabels, collectLabels } from './workspaceLabels';
export { RESOURCE_SNIPPETS, expandSnippet, type ResourceSnippet } from './snippets';

export {
  completeInFile,
  explainFile,
  resourceAt,
  hoverInFile,
  type ResourceExplanation,
} from '../service/fileFeatures';

export { hoverAt, type HoverResult, type HoverOptions } from './hover';
export { fixAllEdits, disableLineEdit } from './fixes';
export { documentSymbols, type OutlineSymbol } from './symbols';
