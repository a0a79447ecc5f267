import { computed, reactive, ref, type Ref, type UnwrapNestedRefs } from 'vue';
import { useFeedback } from './use-feedback.ts';

export interface FormDialogOptions<F extends object, T> {
  /** A fresh copy of the empty form: what 新增 opens with. */
  blank: () => F;
  /** The form's values for an existing record (修改); `blank()` fills what it leaves out. */
  fill?: (item: T) => Partial<F>;
  /** Saves the form; `editing` is the record being changed, null when creating. */
  submit: (form: F, editing: T | null) => Promise<unknown>;
  /** Shown when saved (操作成功 when absent). */
  savedMessage?: () => string;
  /** Runs after a save, e.g. reloading the list. */
  afterSave?: () => Promise<unknown> | void;
}

export interface FormDialog<F extends object, T> {
  open: Ref<boolean>;
  form: UnwrapNestedRefs<F>;
  editing: Ref<T | null>;
  creating: Readonly<Ref<boolean>>;
  busy: Ref<boolean>;
  /** Opens the dialog empty (null) or filled from `item`. */
  show: (item: T | null) => void;
  /** Closes it without saving (取消). */
  close: () => void;
  /** Saves, closes and says so; on an error the dialog stays open with the server's message. */
  save: () => Promise<boolean>;
}

/** The state of a create/edit dialog: open, form model, busy while saving, success or error feedback. */
export function useFormDialog<F extends object, T = unknown>(
  options: FormDialogOptions<F, T>,
): FormDialog<F, T> {
  const { notifyError, notifySuccess } = useFeedback();
  const open = ref(false);
  const busy = ref(false);
  const form = reactive(options.blank()) as UnwrapNestedRefs<F>;
  const editing = ref(null) as Ref<T | null>;
  const creating = computed(() => editing.value === null);

  function show(item: T | null): void {
    editing.value = item;
    Object.assign(form, options.blank(), item !== null && options.fill ? options.fill(item) : {});
    open.value = true;
  }

  function close(): void {
    open.value = false;
  }

  async function save(): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    try {
      await options.submit(form as F, editing.value);
      open.value = false;
      notifySuccess(options.savedMessage?.());
      await options.afterSave?.();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { open, form, editing, creating, busy, show, close, save };
}
