// strerror(3) texts for the errors a file write or fsync reports, so logs and
// MISCONF replies read as Redis's do ("No space left on device").

const STRERROR: Record<string, string> = {
  ENOSPC: 'No space left on device',
  EDQUOT: 'Disk quota exceeded',
  EIO: 'Input/output error',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EBADF: 'Bad file descriptor',
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EFBIG: 'File too large',
  EINVAL: 'Invalid argument',
  ENOMEM: 'Cannot allocate memory',
};

export function describeErrno(err: NodeJS.ErrnoException): string {
  return (err.code !== undefined ? STRERROR[err.code] : undefined) ?? err.message;
}
