/** How the history names why each revision was cut. */
export const REVISION_REASONS: Record<string, string> = {
  created: 'Created',
  save: 'Saved',
  pause: 'Autosave, before a pause',
  checkpoint: 'Autosave checkpoint',
  handover: 'Hand-over to another editor',
  submit: 'Submitted for review',
  publish: 'Published',
  restore: 'Restored',
  import: 'Imported',
};
