import type { App } from 'vue';
import ActionsColumn from './ActionsColumn.vue';
import CountyFilter from './CountyFilter.vue';
import CountyPicker from './CountyPicker.vue';
import CreateButton from './CreateButton.vue';
import DataTable from './DataTable.vue';
import DateField from './DateField.vue';
import DateTimeColumn from './DateTimeColumn.vue';
import DemoTag from './DemoTag.vue';
import DetailDescriptions from './DetailDescriptions.vue';
import DetailDialog from './DetailDialog.vue';
import DetailDrawer from './DetailDrawer.vue';
import EditColumn from './EditColumn.vue';
import EnumField from './EnumField.vue';
import EnumSelect from './EnumSelect.vue';
import EnterpriseField from './EnterpriseField.vue';
import EnterprisePicker from './EnterprisePicker.vue';
import FilterEnum from './FilterEnum.vue';
import FilterCheck from './FilterCheck.vue';
import FilterKeyword from './FilterKeyword.vue';
import FilterSelect from './FilterSelect.vue';
import FormDialog from './FormDialog.vue';
import ListPage from './ListPage.vue';
import ListPagination from './ListPagination.vue';
import ListSearchForm from './ListSearchForm.vue';
import ListToolbar from './ListToolbar.vue';
import OpenColumn from './OpenColumn.vue';
import RowAction from './RowAction.vue';
import StatusColumn from './StatusColumn.vue';
import StatusTag from './StatusTag.vue';
import SwitchField from './SwitchField.vue';
import TextField from './TextField.vue';
import ToolButton from './ToolButton.vue';

const components = {
  ActionsColumn,
  CountyFilter,
  CountyPicker,
  CreateButton,
  DataTable,
  DateField,
  DateTimeColumn,
  DemoTag,
  DetailDescriptions,
  DetailDialog,
  DetailDrawer,
  EditColumn,
  EnumField,
  EnumSelect,
  EnterpriseField,
  EnterprisePicker,
  FilterEnum,
  FilterCheck,
  FilterKeyword,
  FilterSelect,
  FormDialog,
  ListPage,
  ListPagination,
  ListSearchForm,
  ListToolbar,
  OpenColumn,
  RowAction,
  StatusColumn,
  StatusTag,
  SwitchField,
  TextField,
  ToolButton,
};

/**
 * The pieces every list page is built from (search fields, table, toolbar buttons, dialogs, tags),
 * registered once for the whole app as Element Plus's own components are, so a page uses them
 * without importing each.
 */
export const listKit = {
  install(app: App): void {
    for (const [name, component] of Object.entries(components)) app.component(name, component);
  },
};

declare module 'vue' {
  interface GlobalComponents {
    ActionsColumn: typeof ActionsColumn;
    CountyFilter: typeof CountyFilter;
    CountyPicker: typeof CountyPicker;
    CreateButton: typeof CreateButton;
    DataTable: typeof DataTable;
    DateField: typeof DateField;
    DateTimeColumn: typeof DateTimeColumn;
    DemoTag: typeof DemoTag;
    DetailDescriptions: typeof DetailDescriptions;
    DetailDialog: typeof DetailDialog;
    DetailDrawer: typeof DetailDrawer;
    EditColumn: typeof EditColumn;
    EnumField: typeof EnumField;
    EnumSelect: typeof EnumSelect;
    EnterpriseField: typeof EnterpriseField;
    EnterprisePicker: typeof EnterprisePicker;
    FilterEnum: typeof FilterEnum;
    FilterCheck: typeof FilterCheck;
    FilterKeyword: typeof FilterKeyword;
    FilterSelect: typeof FilterSelect;
    FormDialog: typeof FormDialog;
    ListPage: typeof ListPage;
    ListPagination: typeof ListPagination;
    ListSearchForm: typeof ListSearchForm;
    ListToolbar: typeof ListToolbar;
    OpenColumn: typeof OpenColumn;
    RowAction: typeof RowAction;
    StatusColumn: typeof StatusColumn;
    StatusTag: typeof StatusTag;
    SwitchField: typeof SwitchField;
    TextField: typeof TextField;
    ToolButton: typeof ToolButton;
  }
}
