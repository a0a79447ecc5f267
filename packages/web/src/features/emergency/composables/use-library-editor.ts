import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useConfirmAction } from '../../../composables/use-confirm-action.ts';
import { useFormDialog } from '../../../composables/use-form-dialog.ts';

/** The create / replace / delete calls of one emergency library (see useLibraryList). */
interface LibraryWrites {
  load: () => Promise<void>;
  create: (input: object) => Promise<unknown>;
  replace: (id: string, input: object) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
}

export interface LibraryEditorOptions<F extends object, T> {
  blank: () => F;
  fill: (item: T) => Partial<F>;
  /** The request body from the form's own fields (a record's id, demo flag … are left behind). */
  toInput: (form: F) => object;
  /** The record's name in the delete question. */
  nameOf: (item: T) => string;
  /** After a save or a delete (the list's reload by default). */
  afterChange?: () => Promise<unknown>;
}

/** A library page's edit dialog (新增 / 修改) and its confirmed delete, with the library's own messages. */
export function useLibraryEditor<F extends object, T extends { id: string }>(
  list: LibraryWrites,
  options: LibraryEditorOptions<F, T>,
) {
  const { t } = useI18n();
  const afterChange = options.afterChange ?? list.load;
  const fields = Object.keys(options.blank());
  const input = (form: F) =>
    options.toInput(Object.fromEntries(fields.map((k) => [k, form[k as keyof F]])) as F);
  const dialog = useFormDialog<F, T>({
    blank: options.blank,
    fill: options.fill,
    submit: (form, editing) => (editing ? list.replace(editing.id, input(form)) : list.create(input(form))),
    savedMessage: () => t('emergency.library.common.saved'),
    afterSave: afterChange,
  });
  const { confirmAndRun } = useConfirmAction();
  const title = computed(() =>
    dialog.creating.value ? t('emergency.library.common.create') : t('common.edit'),
  );

  function remove(item: T): Promise<boolean> {
    return confirmAndRun(
      t('emergency.library.common.confirmDelete', { name: options.nameOf(item) }),
      () => list.remove(item.id),
      { danger: true, success: t('emergency.library.common.deleted'), then: afterChange },
    );
  }

  return { ...dialog, title, remove };
}
