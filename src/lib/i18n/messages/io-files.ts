import { defineMessages } from './define';

/**
 * What a file or a write ran into, beyond the basic file errors of io.ts: the limits of
 * io/errors.ts (each naming the limit and the cell), rows that do not line up with the header,
 * and a full storage.
 */
export const ioFiles = defineMessages({
  'zh-CN': {
    'io.error.tooManyColumns': '“{place}”的列太多：单元格 {cell} 已超过 {max} 列的上限。请只保留要导入的列后再导入。',
    'io.error.cellTooLong': '“{place}”的单元格 {cell} 内容太长，一个单元格最多 {max} 个字。请缩短它后再导入。',
    'io.error.unpackedTooLarge': '这个工作簿解压后超过 {max} MB（读到“{part}”时），文件可能已损坏或是恶意构造的，没有导入任何内容。',
    'io.error.backupTooLarge': '这个备份文件解压后超过 {max} MB，可能已损坏或是恶意构造的，没有恢复任何内容。',
    'io.error.backupLocked': '这个备份已用口令加密。请输入备份的口令。',
    'io.error.backupPassphrase': '口令不对，备份没有打开，没有恢复任何内容。请检查后再试。',
    'io.error.backupSealDamaged': '加密的备份已损坏或被改动过（口令正确，但内容校验不通过），没有恢复任何内容。',
    'io.error.sealedVersion': '这个备份由更新版本的客簿加密（加密格式 {version}）。请先更新客簿。',
    'io.backup.encrypt': '用口令加密备份',
    'io.backup.passphrase': '口令',
    'io.backup.passphraseAgain': '再次输入口令',
    'io.backup.passphraseHint': '至少 {min} 个字符。没有口令就无法恢复这个备份，也没有人能找回口令：请把它记在安全的地方。',
    'io.backup.passphraseShort': '口令至少需要 {min} 个字符。',
    'io.backup.passphraseMismatch': '两次输入的口令不一致。',
    'io.backup.locked': '这个备份已加密，请输入它的口令。',
    'io.backup.unlockPassphrase': '备份口令',
    'io.backup.unlock': '打开备份',
    'io.error.truncated': '文件不完整（可能没有下载完或被截断），无法读取。请重新保存或重新下载后再导入。',
    'io.error.nul': '“{place}”的单元格 {cell} 含有空字符（NUL），文件可能已损坏或不是文本文件。',
    'io.error.storageFull': '存储空间已满，没有写入任何数据。浏览器已用 {used}，剩余 {free}。请清理浏览器的存储空间（或删除不用的工作区）后再试。',
    'io.error.storageFullUnknown': '存储空间已满，没有写入任何数据。请清理浏览器的存储空间（或删除不用的工作区）后再试。',
    'io.error.writeField': '保存失败，没有写入任何数据：{table}的“{field}”：{problem}。',
    'io.row.extraCells': '这一行的单元格比标题多，多出的内容没有对应的列（可能有未加引号的分隔符），这一行不会导入',
    'io.row.missingCells': '这一行的单元格比标题少，后面的列可能错位了，这一行不会导入',
    'field._row': '整行'
  },
  en: {
    'io.error.tooManyColumns':
      '“{place}” has too many columns: cell {cell} is past the limit of {max} columns. Keep only the columns to import, then import.',
    'io.error.cellTooLong': 'Cell {cell} of “{place}” is too long: a cell holds at most {max} characters. Shorten it, then import.',
    'io.error.unpackedTooLarge':
      'This workbook unpacks to more than {max} MB (at “{part}”): it may be damaged or built to harm. Nothing was imported.',
    'io.error.backupTooLarge': 'This backup unpacks to more than {max} MB: it may be damaged or built to harm. Nothing was restored.',
    'io.error.backupLocked': 'This backup is encrypted with a passphrase. Enter the backup’s passphrase.',
    'io.error.backupPassphrase': 'Wrong passphrase: the backup was not opened and nothing was restored. Check it and try again.',
    'io.error.backupSealDamaged':
      'The encrypted backup is damaged or was altered (the passphrase is right, but its content fails the check); nothing was restored.',
    'io.error.sealedVersion': 'This backup was encrypted by a newer Kebu (encryption format {version}). Update Kebu first.',
    'io.backup.encrypt': 'Encrypt the backup with a passphrase',
    'io.backup.passphrase': 'Passphrase',
    'io.backup.passphraseAgain': 'Passphrase again',
    'io.backup.passphraseHint':
      'At least {min} characters. Without the passphrase this backup cannot be restored, and nobody can recover a lost passphrase: keep it somewhere safe.',
    'io.backup.passphraseShort': 'The passphrase needs at least {min} characters.',
    'io.backup.passphraseMismatch': 'The two passphrases differ.',
    'io.backup.locked': 'This backup is encrypted: enter its passphrase.',
    'io.backup.unlockPassphrase': 'Backup passphrase',
    'io.backup.unlock': 'Open the backup',
    'io.error.truncated':
      'The file is incomplete (cut short, perhaps an unfinished download) and cannot be read. Save or download it again, then import.',
    'io.error.nul': 'Cell {cell} of “{place}” holds a NUL character: the file may be damaged or not a text file.',
    'io.error.storageFull':
      'Storage is full; nothing was written. The browser uses {used} with {free} left. Free some browser storage (or delete a workspace you no longer need) and try again.',
    'io.error.storageFullUnknown':
      'Storage is full; nothing was written. Free some browser storage (or delete a workspace you no longer need) and try again.',
    'io.error.writeField': 'Saving failed; nothing was written: “{field}” of {table}: {problem}.',
    'io.row.extraCells':
      'This row has more cells than the header; the extra ones belong to no column (an unquoted delimiter?). The row is not imported',
    'io.row.missingCells': 'This row has fewer cells than the header; its columns may be shifted. The row is not imported',
    'field._row': 'Row'
  }
});
