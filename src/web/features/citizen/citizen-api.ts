/** The citizen portal's calls: what the account holds (pre-fill) and the bell. */
import type { MarkedRead, MyNotifications, MyProfile, UnreadCount } from '../../../shared/api-types';
import { api, seg } from '../../lib/api';

export const citizenApi = {
  profile: () => api.get<MyProfile>('/me/profile'),
  notifications: (cursor?: string | null) => api.get<MyNotifications>('/me/notifications', { cursor: cursor ?? undefined, limit: 10 }),
  unreadCount: (signal?: AbortSignal) => api.get<UnreadCount>('/me/notifications/unread-count', undefined, signal),
  markRead: (id: string) => api.post<MarkedRead>(`/me/notifications/${seg(id)}/read`),
  markAllRead: () => api.post<MarkedRead>('/me/notifications/read-all'),
};
