import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { AccountsPage } from './AccountsPage';
import { InvitationPage } from './InvitationPage';
import { PlanEditorPage } from './plan-editor/PlanEditorPage';
import { RecordPage } from './RecordPage';
import { SharedWithMePage } from './SharedWithMePage';
import { StatisticsPage } from './statistics/StatisticsPage';
import { WorkListPage } from './WorkListPage';

/** The staff workspace under /admin/plugins/sharing (registered with addMenuLink in ../index.ts). */
export default function App() {
  return (
    <Routes>
      <Route index element={<SharedWithMePage />} />
      <Route path="records/:ownerId" element={<RecordPage />} />
      <Route path="records/:ownerId/plan" element={<PlanEditorPage />} />
      <Route path="work-list" element={<WorkListPage />} />
      <Route path="invitation" element={<InvitationPage />} />
      <Route path="statistics" element={<StatisticsPage />} />
      <Route path="accounts" element={<AccountsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
}
