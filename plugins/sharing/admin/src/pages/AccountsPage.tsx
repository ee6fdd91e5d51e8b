import { Box, Button, Checkbox, Field, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { statusOf, type AccountSummary } from '../utils/api';
import { formatDate } from '../utils/format';

type Action = 'lock' | 'unlock' | 'delete';

const FAILURES: Record<number, string> = {
  400: 'Bitte die Angaben prüfen: eine vollständige E-Mail-Adresse oder Kontonummer, eine Begründung von mindestens 5 Zeichen.',
  403: 'Keine Berechtigung: Konten verwalten dürfen nur die Kreisverwaltung und die Super-Admins.',
  404: 'Kein Konto mit genau dieser E-Mail-Adresse oder Kontonummer.',
};
const failure = (error: unknown) => FAILURES[statusOf(error) ?? 0] ?? 'Das hat nicht geklappt. Bitte später noch einmal versuchen.';

/** The account number as the newcomer reads it out from their account page: groups of four. */
const grouped = (accountNumber: string) => accountNumber.match(/.{1,4}/g)!.join(' ');

/**
 * "Konto auf Wunsch verwalten": when a newcomer asks (lost phone, leaving the district), the
 * district office finds exactly their account — by the exact e-mail address or the account number
 * the person shows — and locks, unlocks or deletes it with a reason the person later reads in
 * their access log. There is no list and no search, and nothing here sets a password or an address.
 */
export function AccountsPage() {
  const { post } = useFetchClient();
  const [email, setEmail] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [reason, setReason] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ text: string; role: 'alert' | 'status' } | null>(null);
  const [busy, setBusy] = useState(false);

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setAccount(null);
    try {
      const data = accountNumber.trim() ? { accountNumber: accountNumber.trim() } : { email: email.trim() };
      const response = await post<{ data: AccountSummary }>('/sharing/accounts/lookup', { data });
      setAccount(response.data.data);
    } catch (error) {
      setMessage({ text: failure(error), role: 'alert' });
    } finally {
      setBusy(false);
    }
  }

  async function act(action: Action) {
    if (!account) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await post<{ data?: AccountSummary }>(`/sharing/accounts/${account.accountNumber}/${action}`, { data: { reason: reason.trim() } });
      setReason('');
      setConfirmDelete(false);
      if (action === 'delete') {
        setAccount(null);
        setMessage({ text: 'Das Konto und alle Daten darin sind gelöscht.', role: 'status' });
      } else {
        setAccount(response.data.data ?? null);
        setMessage({ text: action === 'lock' ? 'Das Konto ist gesperrt. Die Person sieht Ihre Begründung in ihrem Protokoll.' : 'Das Konto ist entsperrt.', role: 'status' });
      }
    } catch (error) {
      setMessage({ text: failure(error), role: 'alert' });
    } finally {
      setBusy(false);
    }
  }

  const reasonGiven = reason.trim().length >= 5;

  return (
    <Frame title="Konto auf Wunsch verwalten" subtitle="Ein Konto einer neu zugewanderten Person sperren, entsperren oder löschen – nur auf ihren Wunsch">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Message>
          Geben Sie genau die E-Mail-Adresse oder die Kontonummer ein, die Ihnen die Person nennt (sie steht auf ihrer Seite
          „Ihr Konto“). Es gibt keine Liste und keine Suche. Passwort und E-Mail-Adresse ändert nur die Person selbst.
        </Message>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <form onSubmit={lookup}>
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="email" id="account-email">
                <Field.Label>E-Mail-Adresse</Field.Label>
                <TextInput type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
              </Field.Root>
              <Typography>oder</Typography>
              <Field.Root name="accountNumber" id="account-number">
                <Field.Label>Kontonummer</Field.Label>
                <TextInput autoComplete="off" value={accountNumber} onChange={(event) => setAccountNumber(event.target.value)} />
              </Field.Root>
              <Button type="submit" loading={busy} disabled={!email.trim() && !accountNumber.trim()}>
                Konto suchen
              </Button>
            </Flex>
          </form>
        </Box>
        {message ? <Message role={message.role}>{message.text}</Message> : null}
        {account ? (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius aria-live="polite">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography tag="h2" variant="delta">
                Konto {grouped(account.accountNumber)}
              </Typography>
              <Typography>
                Angelegt am {formatDate(account.createdAt)} · {account.locked ? 'gesperrt' : 'aktiv'}
              </Typography>
              <Field.Root name="reason" id="account-reason" hint="Die Person liest die Begründung in ihrem Protokoll (bei Löschung: nur das Betriebsprotokoll).">
                <Field.Label>Begründung</Field.Label>
                <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
                <Field.Hint />
              </Field.Root>
              <Flex gap={4} wrap="wrap">
                <Button variant="secondary" onClick={() => act(account.locked ? 'unlock' : 'lock')} disabled={!reasonGiven || busy}>
                  {account.locked ? 'Konto entsperren' : 'Konto sperren'}
                </Button>
              </Flex>
              <Checkbox checked={confirmDelete} onCheckedChange={(checked: boolean | 'indeterminate') => setConfirmDelete(checked === true)}>
                Die Person will ihr Konto löschen lassen; alle Daten und Dokumente darin werden endgültig gelöscht.
              </Checkbox>
              <Flex>
                <Button variant="danger" onClick={() => act('delete')} disabled={!reasonGiven || !confirmDelete || busy}>
                  Konto endgültig löschen
                </Button>
              </Flex>
            </Flex>
          </Box>
        ) : null}
      </Flex>
    </Frame>
  );
}
