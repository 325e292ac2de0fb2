/**
 * The one list of pages: Refine resources, their menu groups, routes and the roles that see them.
 * The sider, the access-control provider and the router all read this file.
 */
import type { ReactNode } from 'react';
import type { ResourceProps } from '@refinedev/core';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  BankOutlined,
  AlertOutlined,
} from '@ant-design/icons';
import { ROLES, type Role } from '@domain';
import { MENU_TODOS, TodoBadgeIcon } from './components/todo-badge-icon';

const ALL: readonly Role[] = ROLES;

export interface ResourceDef {
  name: string;
  /** Dictionary key of the menu label. */
  labelKey: string;
  parent?: string;
  list?: string;
  show?: string;
  create?: string;
  edit?: string;
  icon?: ReactNode;
  /** Roles that may open the resource. Groups (no list) get the union of their children's. */
  roles?: readonly Role[];
}

export const RESOURCE_DEFS: readonly ResourceDef[] = [
  { name: 'dashboard', labelKey: 'resources.dashboard', list: '/', icon: <DashboardOutlined aria-hidden />, roles: ALL },

  { name: 'user-management', labelKey: 'resources.userManagement', icon: <TeamOutlined aria-hidden /> },
  {
    name: 'distributor-accounts',
    labelKey: 'resources.distributorAccounts',
    parent: 'user-management',
    list: '/distributor-accounts',
    roles: ['platform_admin', 'bureau'],
  },

  { name: 'catalogue-management', labelKey: 'resources.catalogueManagement', icon: <AppstoreOutlined aria-hidden /> },
  {
    name: 'products',
    labelKey: 'resources.products',
    parent: 'catalogue-management',
    list: '/catalogue',
    show: '/catalogue/show/:id',
    roles: ALL,
  },

  { name: 'relationship-management', labelKey: 'resources.relationshipManagement', icon: <ApartmentOutlined aria-hidden /> },
  {
    name: 'delegations',
    labelKey: 'resources.delegations',
    parent: 'relationship-management',
    list: '/delegations',
    roles: ['platform_admin', 'bureau', 'manufacturer', 'distributor'],
  },
  {
    name: 'hospital-relationships',
    labelKey: 'resources.hospitalRelationships',
    parent: 'relationship-management',
    list: '/hospital-relationships',
    roles: ['platform_admin', 'bureau', 'distributor', 'hospital'],
  },
  {
    name: 'delegated-products',
    labelKey: 'resources.delegatedProducts',
    parent: 'relationship-management',
    list: '/delegated-products',
    roles: ['distributor'],
  },

  { name: 'contract-management', labelKey: 'resources.contracts', icon: <FileProtectOutlined aria-hidden /> },
  { name: 'contracts', labelKey: 'resources.contracts', parent: 'contract-management', list: '/contracts', show: '/contracts/show/:id', roles: ALL },
  { name: 'certificates', labelKey: 'resources.certificates', parent: 'contract-management', list: '/certificates', roles: ALL },

  { name: 'procurement', labelKey: 'resources.procurement', icon: <ShoppingCartOutlined aria-hidden /> },
  { name: 'order-lines', labelKey: 'resources.orderLines', parent: 'procurement', list: '/order-lines', roles: ALL },
  { name: 'batch-delivery', labelKey: 'batchDelivery.title', parent: 'procurement', list: '/batch-delivery', roles: ['distributor'] },

  { name: 'statistics', labelKey: 'resources.statistics', list: '/statistics', icon: <BarChartOutlined aria-hidden />, roles: ALL },
  {
    name: 'oversight',
    labelKey: 'oversight.menu',
    list: '/oversight',
    icon: <AlertOutlined aria-hidden />,
    roles: ['platform_admin', 'bureau', 'distributor'],
  },

  { name: 'organisation-management', labelKey: 'resources.organisationManagement', icon: <BankOutlined aria-hidden /> },
  {
    name: 'organisation',
    labelKey: 'resources.organisation',
    parent: 'organisation-management',
    list: '/organisation',
    roles: ALL,
  },
  {
    name: 'organisations',
    labelKey: 'organisation.platform.menu',
    parent: 'organisation-management',
    list: '/organisations',
    roles: ['platform_admin'],
  },
];

const BY_NAME = new Map(RESOURCE_DEFS.map((d) => [d.name, d]));

/** Roles that may open a resource (a group: any role that sees one of its children); undefined if unknown. */
export function rolesOf(name: string): readonly Role[] | undefined {
  const def = BY_NAME.get(name);
  if (!def) return undefined;
  if (def.roles) return def.roles;
  const union = new Set<Role>();
  for (const child of RESOURCE_DEFS) {
    if (child.parent === name) for (const r of rolesOf(child.name) ?? []) union.add(r);
  }
  return [...union];
}

export function canRoleOpen(role: Role | null | undefined, name: string): boolean {
  if (!role) return false;
  return rolesOf(name)?.includes(role) ?? false;
}

/** Refine resources with labels in the current language. */
export function buildResources(t: (key: string) => string): ResourceProps[] {
  return RESOURCE_DEFS.map((d) => ({
    name: d.name,
    ...(d.list ? { list: d.list } : {}),
    ...(d.show ? { show: d.show } : {}),
    ...(d.create ? { create: d.create } : {}),
    ...(d.edit ? { edit: d.edit } : {}),
    meta: {
      label: t(d.labelKey),
      labelKey: d.labelKey,
      roles: rolesOf(d.name),
      ...(d.parent ? { parent: d.parent } : {}),
      // Entries that lead to to-dos carry their count as a badge.
      ...(MENU_TODOS[d.name] ? { icon: <TodoBadgeIcon resource={d.name} icon={d.icon} /> } : d.icon ? { icon: d.icon } : {}),
    },
  }));
}
