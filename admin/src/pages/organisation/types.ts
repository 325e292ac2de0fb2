export interface ContactRow {
  documentId: string;
  name: string;
  phone: string;
  email: string | null;
  position: string | null;
  isDefault: boolean;
  actions: string[];
}

export interface OperatorRow {
  id: number;
  username: string;
  name: string;
  phone: string;
  enabled: boolean;
  lastLoginAt: string | null;
  actions: string[];
}
