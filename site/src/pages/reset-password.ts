import { inPreferredLocale } from '../lib/locale-choice';

// The reset link of the e-mail carries no language: it opens the form in the one the person uses.
export const GET = inPreferredLocale('reset-password');
