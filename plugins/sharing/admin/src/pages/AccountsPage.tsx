import { Box, Button, Checkbox, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type FormEvent } from 'react';
import { Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { NO_REASON, ReasonFields, reasonGiven, type Reason } from '../components/ReasonFields';
import { statusOf, type AccountSummary } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText, type TextKey } from '../utils/text';

type Action = 'lock' | 'unlock' | 'delete';
interface Settings {
  reasons: Array<{ code: string; label: string }>;
  erasureNoticeDays: number;
  lookupsPerHour: number;
}

const FAILURES: Record<number, TextKey> = {
  400: 'accounts.failed400',
  403: 'accounts.failed403',
  404: 'accounts.failed404',
  429: 'accounts.failed429',
};
/** The body of a request: the reason's code, and own words only when there are some. */
const withReason = ({ reason, note }: Reason, more: Record<string, string> = {}) => ({
  data: { reason, ...(note.trim() ? { note: note.trim() } : {}), ...more },
});
const failure = (error: unknown): TextKey => FAILURES[statusOf(error) ?? 0] ?? 'accounts.failed';

/** The account number as the newcomer reads it out from their account page: groups of four. */
const grouped = (accountNumber: string) => accountNumber.match(/.{1,4}/g)!.join(' ');

/**
 * "Konto auf Wunsch verwalten": when a newcomer asks (lost phone, leaving the district), the
 * district office finds exactly their account — by the exact e-mail address or the account number
 * the person shows, giving a reason — and locks, unlocks or deletes it with a reason the person
 * reads in their access log in their language. There is no list and no search, and nothing here
 * sets a password or an address. Deleting at once takes the person's code; without it the
 * deletion is announced and the person can stop it.
 */
export function AccountsPage() {
  const { get, post } = useFetchClient();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [email, setEmail] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [lookupReason, setLookupReason] = useState<Reason>(NO_REASON);
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [reason, setReason] = useState<Reason>(NO_REASON);
  const [code, setCode] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ text: string; role: 'alert' | 'status' } | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useText();
  const format = useFormat();

  useEffect(() => {
    get<{ data: Settings }>('/sharing/accounts/reasons').then(
      (response) => setSettings(response.data.data),
      (error: unknown) => setMessage({ text: t(failure(error)), role: 'alert' }),
    );
    // Once, when the page opens.
  }, []);

  async function lookup(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setAccount(null);
    try {
      const which: Record<string, string> = accountNumber.trim()
        ? { accountNumber: accountNumber.trim() }
        : { email: email.trim() };
      const response = await post<{ data: AccountSummary }>(
        '/sharing/accounts/lookup',
        withReason(lookupReason, which),
      );
      setAccount(response.data.data);
      setReason(lookupReason);
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
      const deleteNow = action === 'delete' && code.trim() !== '';
      const response = await post<{ data?: AccountSummary | { dueAt: string } }>(
        `/sharing/accounts/${account.accountNumber}/${action}`,
        withReason(reason, deleteNow ? { code: code.trim() } : {}),
      );
      setCode('');
      setConfirmDelete(false);
      if (action === 'delete') {
        const announced = response.data?.data as { dueAt: string } | undefined;
        if (deleteNow) setAccount(null);
        setMessage({
          text: announced?.dueAt
            ? t('accounts.announced', { date: format.date(announced.dueAt) })
            : t('accounts.deleted'),
          role: 'status',
        });
      } else {
        setAccount((response.data.data as AccountSummary | undefined) ?? null);
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

  const days = settings?.erasureNoticeDays ?? 0;
  const reasons = settings?.reasons ?? [];

  return (
    <Frame title={t('accounts.title')} subtitle={t('accounts.subtitle')}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Message>{t('accounts.explain', { count: settings?.lookupsPerHour ?? '…' })}</Message>
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
            </Flex>
            <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
              <ReasonFields
                id="lookup"
                value={lookupReason}
                choices={reasons}
                onChange={setLookupReason}
              />
              <Flex>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={(!email.trim() && !accountNumber.trim()) || !reasonGiven(lookupReason)}
                >
                  {t('accounts.lookup')}
                </Button>
              </Flex>
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
              <ReasonFields id="account" value={reason} choices={reasons} onChange={setReason} />
              <Typography tag="h3" variant="epsilon">
                {t('accounts.actHeading')}
              </Typography>
              <Flex gap={4} wrap="wrap">
                <Button
                  variant="secondary"
                  onClick={() => act(account.locked ? 'unlock' : 'lock')}
                  disabled={!reasonGiven(reason) || busy}
                >
                  {t(account.locked ? 'accounts.unlock' : 'accounts.lock')}
                </Button>
              </Flex>
              <Typography tag="h3" variant="epsilon">
                {t('accounts.deleteHeading')}
              </Typography>
              <Typography>{t('accounts.deleteExplain', { days })}</Typography>
              <Field.Root name="code" id="account-code">
                <Field.Label>{t('accounts.code')}</Field.Label>
                <TextInput
                  autoComplete="off"
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                />
              </Field.Root>
              <Checkbox
                checked={confirmDelete}
                onCheckedChange={(checked: boolean | 'indeterminate') =>
                  setConfirmDelete(checked === true)
                }
              >
                {t('accounts.confirmDelete')}
              </Checkbox>
              <Flex gap={4} wrap="wrap">
                <Button
                  variant="danger"
                  onClick={() => act('delete')}
                  disabled={!reasonGiven(reason) || !confirmDelete || !code.trim() || busy}
                >
                  {t('accounts.delete')}
                </Button>
                <Button
                  variant="danger-light"
                  onClick={() => act('delete')}
                  disabled={!reasonGiven(reason) || !confirmDelete || code.trim() !== '' || busy}
                >
                  {t('accounts.announce', { days })}
                </Button>
              </Flex>
            </Flex>
          </Box>
        ) : null}
      </Flex>
    </Frame>
  );
}
