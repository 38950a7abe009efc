import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { AttendancePage } from './AttendancePage';
import { DisciplineCasePage, DisciplineListPage } from './DisciplinePages';
import { CodePage, ConductHubPage, EmulationPage } from './HubPages';
import { InspectionPage } from './InspectionPage';
import { MyRecordPage } from './MyRecordPage';
import { RatingPage, RatingsPage } from './RatingPages';
import { ViolationDetailPage, ViolationsPage } from './ViolationPages';

const STAFF: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor'];
const READ: Role[] = ['home_affairs', 'inspector', 'leader'];

/** The conduct pages (Home Affairs, leaders, inspectors, and every official's own record). */
export const CONDUCT_ROUTES: { path: string; roles?: Role[]; render: (params: Record<string, string>) => ReactNode }[] = [
  { path: '/conduct', roles: STAFF, render: () => <ConductHubPage /> },
  { path: '/conduct/me', roles: STAFF, render: () => <MyRecordPage /> },
  { path: '/conduct/code', roles: STAFF, render: () => <CodePage /> },
  { path: '/conduct/office-culture', roles: STAFF, render: () => <CodePage /> },
  { path: '/conduct/inspections', roles: ['inspector'], render: () => <InspectionPage /> },
  { path: '/conduct/violations', roles: READ, render: () => <ViolationsPage /> },
  { path: '/conduct/violations/:id', roles: STAFF, render: (p) => <ViolationDetailPage id={p.id} /> },
  { path: '/conduct/discipline', roles: READ, render: () => <DisciplineListPage /> },
  { path: '/conduct/discipline/:id', roles: STAFF, render: (p) => <DisciplineCasePage id={p.id} /> },
  { path: '/conduct/annual-rating', roles: READ, render: () => <RatingsPage /> },
  { path: '/conduct/ratings/:id', roles: STAFF, render: (p) => <RatingPage id={p.id} /> },
  { path: '/conduct/attendance', roles: READ, render: () => <AttendancePage /> },
  { path: '/conduct/emulation', roles: READ, render: () => <EmulationPage /> },
];
