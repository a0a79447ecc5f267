import type { ErrorDefinition } from '../error-definition.ts';

/**
 * Operations run from the command line (issue 19): backups and restores, field-key rotation. The
 * CLI prints the code with both messages; the statuses say what an HTTP caller would get.
 */
export const operationsErrors = {
  'backup.target_exists': {
    status: 409,
    zh: '备份目标已存在：请指定新的文件名或空目录，已有备份不会被覆盖',
    en: 'The backup target exists: name a new file or an empty directory; a backup is never overwritten',
  },
  'backup.unreadable': {
    status: 400,
    zh: '不是可读取的安监备份（文件损坏、被截断或格式不符）',
    en: 'This is not a readable Anjian backup (damaged, cut short or of another format)',
  },
  'backup.digest_mismatch': {
    status: 400,
    zh: '备份已损坏：数据与清单中的行数或 SM3 摘要不符，未做任何恢复',
    en: 'The backup is damaged: its data does not match the row counts or SM3 digests of its manifest; nothing was restored',
  },
  'backup.version_mismatch': {
    status: 409,
    zh: '备份的数据库版本与本程序不符（备份来自更新或不同的版本，或目标数据库版本更新）',
    en: 'The backup’s database version does not fit this program (the backup is from a newer or different version, or the target is newer)',
  },
  'backup.field_key_missing': {
    status: 409,
    zh: '未配置备份数据加密所用的字段密钥：请先复制原 DATA_DIR 的 field-encryption.key 或设置字段密钥',
    en: 'The field keys the backup’s data is sealed with are not configured: copy field-encryption.key from the old DATA_DIR or set the field keys first',
  },
  'backup.target_not_empty': {
    status: 409,
    zh: '目标数据库已有用户或审计记录：只能恢复到全新的 DATA_DIR 或空数据库',
    en: 'The target database already holds users or audit entries: restore only into a fresh DATA_DIR or an empty database',
  },
  'backup.needs_superuser': {
    status: 403,
    zh: '恢复需要数据库超级用户（外部数据库请改用 pg_dump / pg_restore）',
    en: 'A restore needs a database superuser (with an external database use pg_dump / pg_restore instead)',
  },
  'backup.pg_dump_unavailable': {
    status: 400,
    zh: '仅在使用外部数据库且 PATH 中有 pg_dump 时可用 --pg-dump',
    en: 'The --pg-dump option needs an external database (DATABASE_URL) and pg_dump on PATH',
  },
  'field_key.rotation_running': {
    status: 409,
    zh: '另一个字段密钥轮换正在进行，请等待其结束后再试（中断的轮换可直接重新运行）',
    en: 'Another field-key rotation is running; wait for it to end (an interrupted rotation may simply be run again)',
  },
} as const satisfies Record<string, ErrorDefinition>;
