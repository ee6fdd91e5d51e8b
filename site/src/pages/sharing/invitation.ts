import { inPreferredLocale } from '../../lib/locale-choice';

// The invitation link and its QR code carry no language (a staff member prints one for everyone):
// they open the code form in the one the person uses.
export const GET = inPreferredLocale('sharing/invitation');
