/**
 * Routes: the signed-in layout (password must be changed first, each page behind its role guard),
 * the password page, and the login page.
 */
import { Outlet, Route, Routes } from 'react-router';
import { Authenticated } from '@refinedev/core';
import { ThemedLayout } from '@refinedev/antd';
import { CatchAllNavigate, NavigateToResource } from '@refinedev/react-router';
import { Spin } from 'antd';
import { Header } from './components/header';
import { AppTitle } from './components/app-title';
import { AppSider } from './components/app-sider';
import { PageGuard } from './components/page-guard';
import { NotFound } from './components/not-found';
import { RequirePasswordChanged } from './components/require-password-changed';
import { LoginPage } from './pages/login';
import { ChangePasswordPage } from './pages/change-password';
import { OrganisationList } from './pages/organisations/list';
import { DashboardPage } from './pages/dashboard';
import { DistributorAccountList } from './pages/distributor-accounts/list';
import { ProductList } from './pages/products/list';
import { ProductShow } from './pages/products/show';
import { DelegationList } from './pages/delegations/list';
import { HospitalRelationshipList } from './pages/hospital-relationships/list';
import { DelegatedProductList } from './pages/delegated-products/list';
import { ContractList } from './pages/contracts/list';
import { ContractShow } from './pages/contracts/show';
import { CertificatePage } from './pages/certificates/list';
import { OrderLineList } from './pages/order-lines/list';
import { BatchDeliveryCreate } from './pages/batch-delivery/create';
import { StatisticsPage } from './pages/statistics/list';
import { OversightPage } from './pages/oversight/list';
import { OrganisationPage } from './pages/organisation/list';

const loading = <Spin fullscreen />;

function SignedInLayout() {
  return (
    <Authenticated key="signed-in" loading={loading} fallback={<CatchAllNavigate to="/login" />}>
      <RequirePasswordChanged>
        <ThemedLayout Header={Header} Sider={AppSider} Title={AppTitle}>
          <Outlet />
        </ThemedLayout>
      </RequirePasswordChanged>
    </Authenticated>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SignedInLayout />}>
        <Route
          index
          element={
            <PageGuard resource="dashboard">
              <DashboardPage />
            </PageGuard>
          }
        />
        <Route
          path="/distributor-accounts"
          element={
            <PageGuard resource="distributor-accounts">
              <DistributorAccountList />
            </PageGuard>
          }
        />
        <Route path="/catalogue">
          <Route
            index
            element={
              <PageGuard resource="products">
                <ProductList />
              </PageGuard>
            }
          />
          <Route
            path="show/:id"
            element={
              <PageGuard resource="products" action="show">
                <ProductShow />
              </PageGuard>
            }
          />
        </Route>
        <Route
          path="/delegations"
          element={
            <PageGuard resource="delegations">
              <DelegationList />
            </PageGuard>
          }
        />
        <Route
          path="/hospital-relationships"
          element={
            <PageGuard resource="hospital-relationships">
              <HospitalRelationshipList />
            </PageGuard>
          }
        />
        <Route
          path="/delegated-products"
          element={
            <PageGuard resource="delegated-products">
              <DelegatedProductList />
            </PageGuard>
          }
        />
        <Route
          path="/contracts"
          element={
            <PageGuard resource="contracts">
              <ContractList />
            </PageGuard>
          }
        />
        <Route
          path="/contracts/show/:id"
          element={
            <PageGuard resource="contracts">
              <ContractShow />
            </PageGuard>
          }
        />
        <Route
          path="/certificates"
          element={
            <PageGuard resource="certificates">
              <CertificatePage />
            </PageGuard>
          }
        />
        <Route
          path="/order-lines"
          element={
            <PageGuard resource="order-lines">
              <OrderLineList />
            </PageGuard>
          }
        />
        <Route
          path="/batch-delivery"
          element={
            <PageGuard resource="batch-delivery">
              <BatchDeliveryCreate />
            </PageGuard>
          }
        />
        <Route
          path="/statistics"
          element={
            <PageGuard resource="statistics">
              <StatisticsPage />
            </PageGuard>
          }
        />
        <Route
          path="/oversight"
          element={
            <PageGuard resource="oversight">
              <OversightPage />
            </PageGuard>
          }
        />
        <Route
          path="/organisation"
          element={
            <PageGuard resource="organisation">
              <OrganisationPage />
            </PageGuard>
          }
        />
        <Route
          path="/organisations"
          element={
            <PageGuard resource="organisations">
              <OrganisationList />
            </PageGuard>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>

      <Route
        element={
          <Authenticated key="password" loading={loading} fallback={<CatchAllNavigate to="/login" />}>
            <Outlet />
          </Authenticated>
        }
      >
        <Route path="/change-password" element={<ChangePasswordPage />} />
      </Route>

      <Route
        element={
          <Authenticated key="sign-in" loading={loading} fallback={<Outlet />}>
            <NavigateToResource resource="dashboard" />
          </Authenticated>
        }
      >
        <Route path="/login" element={<LoginPage />} />
      </Route>
    </Routes>
  );
}
