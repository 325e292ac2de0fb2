/** The form state every order-workflow modal shares: reset on open, a saving flag, server refusals shown on the form. */
import { useEffect, useState } from 'react';
import { Form } from 'antd';
import { isHttpError } from '../../providers/http-client';

type FormInstance = ReturnType<typeof Form.useForm>[0];

export function errorText(e: unknown): string {
  if (isHttpError(e)) return e.message ?? String(e.statusCode);
  return e instanceof Error ? e.message : String(e);
}

/** Shows a server refusal: the Chinese message at the top of the form and next to the field it names. */
export function useServerError(form: FormInstance) {
  const [error, setError] = useState<string | null>(null);
  const show = (e: unknown) => {
    setError(errorText(e));
    if (isHttpError(e) && e.errors) {
      const fields = Object.entries(e.errors as Record<string, string[]>)
        .map(([k, v]) => ({ name: k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: v }))
        .filter((f) => f.name.length);
      try {
        form.setFields(fields as never);
      } catch {
        /* a field not in the form */
      }
    }
  };
  return { error, setError, show };
}

/** A modal's form: reset (or `onOpen`) whenever `subject` opens it, a saving flag, and server errors shown on the fields and above them. */
export function useModalForm(subject: unknown, onOpen?: (form: FormInstance) => void) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const { error, setError, show } = useServerError(form);
  const [opened, setOpened] = useState<unknown>(null);
  if (subject !== opened) {
    setOpened(subject);
    if (subject) setError(null);
  }
  useEffect(() => {
    if (!subject) return;
    if (onOpen) onOpen(form);
    else form.resetFields();
  }, [subject]); // eslint-disable-line react-hooks/exhaustive-deps
  const run = async (action: (values: Record<string, any>) => Promise<void>) => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await action(values);
    } catch (e) {
      show(e);
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, error, setError, show, run };
}
