import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { statusOf, type AccountSummary } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText, type TextKey } from '../utils/text';

type Action = 'lock' | 'unlock' | 'delete';

const FAILURES: Record<number, TextKey> = {
  400: 'accounts.failed400',
  403: 'accounts.failed403',
  404: 'accounts.failed404',
};
const failure = (error: unknown): TextKey => FAILURES[statusOf(error) ?? 0] ?? 'accounts.failed';

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
  const t = useText();
  const format = useFormat();

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setAccount(null);
    try {
      const data = accountNumber.trim()
        ? { accountNumber: accountNumber.trim() }
        : { email: email.trim() };
      const response = await post<{ data: AccountSummary }>('/sharing/accounts/lookup', { data });
      setAccount(response.data.data);
    } catch (error) {
      setMessage({ text: t(failure(error)), role: 'alert' });
    } finally {
      setBusy(false);
    }
  }

  async function act(action: Action) {
    if (!account) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await post<{ data?: AccountSummary }>(
        `/sharing/accounts/${account.accountNumber}/${action}`,
        { data: { reason: reason.trim() } },
      );
      setReason('');
      setConfirmDelete(false);
      if (action === 'delete') {
        setAccount(null);
        setMessage({ text: t('accounts.deleted'), role: 'status' });
      } else {
        setAccount(response.data.data ?? null);
        setMessage({
          text: t(action === 'lock' ? 'accounts.lockedDone' : 'accounts.unlockedDone'),
          role: 'status',
        });
      }
    } catch (error) {
      setMessage({ text: t(failure(error)), role: 'alert' });
    } finally {
      setBusy(false);
    }
  }

  const reasonGiven = reason.trim().length >= 5;

  return (
    <Frame title={t('accounts.title')} subtitle={t('accounts.subtitle')}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Message>{t('accounts.explain')}</Message>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <form onSubmit={lookup}>
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="email" id="account-email">
                <Field.Label>{t('accounts.email')}</Field.Label>
                <TextInput
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              </Field.Root>
              <Typography>{t('accounts.or')}</Typography>
              <Field.Root name="accountNumber" id="account-number">
                <Field.Label>{t('accounts.number')}</Field.Label>
                <TextInput
                  autoComplete="off"
                  value={accountNumber}
                  onChange={(event) => setAccountNumber(event.target.value)}
                />
              </Field.Root>
              <Button
                type="submit"
                loading={busy}
                disabled={!email.trim() && !accountNumber.trim()}
              >
                {t('accounts.lookup')}
              </Button>
            </Flex>
          </form>
        </Box>
        {message ? <Message role={message.role}>{message.text}</Message> : null}
        {account ? (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius aria-live="polite">
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography tag="h2" variant="delta">
                {t('accounts.heading', { number: grouped(account.accountNumber) })}
              </Typography>
              <Typography>
                {t('accounts.created', {
                  date: format.date(account.createdAt),
                  state: t(account.locked ? 'accounts.locked' : 'accounts.active'),
                })}
              </Typography>
              <Field.Root name="reason" id="account-reason" hint={t('accounts.reasonHint')}>
                <Field.Label>{t('accounts.reason')}</Field.Label>
                <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
                <Field.Hint />
              </Field.Root>
              <Flex gap={4} wrap="wrap">
                <Button
                  variant="secondary"
                  onClick={() => act(account.locked ? 'unlock' : 'lock')}
                  disabled={!reasonGiven || busy}
                >
                  {t(account.locked ? 'accounts.unlock' : 'accounts.lock')}
                </Button>
              </Flex>
              <Checkbox
                checked={confirmDelete}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  setConfirmDelete(checked === true)
                }
              >
                {t('accounts.confirmDelete')}
              </Checkbox>
              <Flex>
                <Button
                  variant="danger"
                  onClick={() => act('delete')}
                  disabled={!reasonGiven || !confirmDelete || busy}
                >
                  {t('accounts.delete')}
                </Button>
              </Flex>
            </Flex>
          </Box>
        ) : null}
      </Flex>
    </Frame>
  );
}
