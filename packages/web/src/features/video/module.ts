import type { RouteRecordRaw } from 'vue-router';
import { VideoCamera } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** 视频监控: the camera register with live view (under the monitoring area's menu). */
export const videoMenu: readonly MenuEntry[] = [
  {
    key: 'video-cameras',
    title: 'video.menu.cameras',
    icon: VideoCamera,
    path: '/video/cameras',
    permission: 'monitoring:read',
  },
];

export const videoRoutes: RouteRecordRaw[] = [
  {
    path: 'video/cameras',
    name: 'video-cameras',
    component: () => import('./pages/CamerasPage.vue'),
    meta: { title: 'video.menu.cameras', permission: 'monitoring:read', trail: ['monitoring.title'] },
  },
];
