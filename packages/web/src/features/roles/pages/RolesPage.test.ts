// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { builtinRoles, permissionCatalogue, type Role } from '@anjian/domain';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import RolesPage from './RolesPage.vue';

const asRole = (code: string): Role => {
  const role = builtinRoles.find((r) => r.code === code)!;
  return {
    code: role.code,
    nameZh: role.nameZh,
    nameEn: role.nameEn,
    adminKind: role.adminKind,
    builtin: true,
    totpRequired: role.requiresTotp,
    clearance: role.clearance,
    permissions: [...role.permissions],
    userCount: 2,
  };
};

const custom: Role = {
  ...asRole('city_officer'),
  code: 'night_duty',
  nameZh: '夜间值班员',
  nameEn: 'Night duty officer',
  builtin: false,
  permissions: ['hazard:read'],
  userCount: 0,
};

let wrapper: VueWrapper | null = null;

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('角色权限 page', () => {
  it('names each role in the UI language, never by its code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const body = url.endsWith('/permissions')
          ? { items: permissionCatalogue }
          : { items: [asRole('city_officer'), custom, asRole('sysadmin')] };
        return Promise.resolve(
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
        );
      }),
    );
    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/roles', name: 'roles', component: { render: () => null } }],
    });
    await router.push('/roles');
    wrapper = mount(RolesPage, {
      attachTo: document.body,
      global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
    });
    await flushPromises();

    const names = [...document.querySelectorAll('[data-testid="role-name"]')].map((e) =>
      e.textContent?.trim(),
    );
    expect(names).toEqual(['系统管理员', '市局工作人员', '夜间值班员']);
    const headers = [...document.querySelectorAll('.el-table__header th .cell')].map((c) =>
      c.textContent?.trim(),
    );
    expect(headers).not.toContain('角色标识');
    const body = document.querySelector('.el-table__body')!.textContent!;
    for (const code of ['city_officer', 'night_duty', 'sysadmin']) expect(body).not.toContain(code);
  });
});
