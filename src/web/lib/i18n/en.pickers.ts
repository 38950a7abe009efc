import type { viPickers } from './vi.pickers';

/** English messages of the pickers and the dossier lists (merged into en.ts). */
export const enPickers: Record<keyof typeof viPickers, string> = {
  'picker.failed': 'The list could not be loaded; try again.',
  'picker.agencyHint': 'Type the agency name or code, with or without diacritics; only agencies in your scope.',
  'picker.procedure': 'Procedure',
  'picker.procedureHint':
    'Type the procedure name, with or without diacritics (e.g. "khai sinh"); those your desk received most in the last {days} days come first.',
  'picker.procedureHintCitizen': 'Type the procedure name, with or without diacritics (e.g. "khai sinh"); those you submitted before come first.',
  'picker.procedureUses': '{count} dossiers',
  'picker.assignee': 'Assign to',
  'picker.forwardTo': 'Send to',
  'picker.assigneeHint': 'Type a name to search, with or without diacritics; only staff of the agency handling the dossier.',
  'picker.assigneeRequired': 'Choose an officer from the list.',
  'nav.dossierReturned': 'Results returned',
  'nav.dossierSearch': 'Find a dossier',
  'list.returned': 'Results returned',
  'list.returnedIntro': 'Dossiers whose result was handed to the applicant, latest first. Choose the days.',
  'list.search': 'Find a dossier',
  'list.searchIntro': "Search your agencies' dossiers by code, applicant name (with or without diacritics) or ID number. No applicant phone digits needed.",
  'list.searchLabel': 'Dossier code, name or ID number',
  'list.searchPrompt': 'Type a dossier code, a name or an ID number to search.',
  'list.from': 'Returned from',
  'list.to': 'To',
  'list.filter': 'Filter',
  'list.returnedAt': 'Returned',
};
