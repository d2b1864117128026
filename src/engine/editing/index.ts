// Editing features: on one document's text (hoverAt, completeAt), and over a whole file through the
// file model (completeInFile, hoverInFile, documentSymbols, resourceAt, explainFile), which finds
// the unit under the cursor and answers in file offsets.

export {
  completeAt,
  type CompletionCandidate,
  type CompletionOptions,
  type CompletionResult,
} from './completion';
export { MAX_LABEL_CANDIDATES } from './labelCompletion';
export { explainResource, type ExplainNote, type Explanation } from './explain';
export { WorkspaceLabels, collectLabels, addObjectLabels, MAX_LABEL_SOURCE_CHARS } from './workspaceLabels';
export {
  RESOURCE_SNIPPETS,
  RULE_SNIPPETS,
  expandSnippet,
  itemSnippetPlace,
  type ResourceSnippet,
  type SnippetPlace,
} from './snippets';

export {
  completeInFile,
  explainFile,
  explainOne,
  resourceAt,
  resourceLines,
  hoverInFile,
  type ResourceExplanation,
} from '../service/fileFeatures';

export { hoverAt, type HoverResult, type HoverOptions } from './hover';
export { fixAllEdits, disableLineEdit } from './fixes';
export { documentSymbols, type OutlineSymbol } from './symbols';
